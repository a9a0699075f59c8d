using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Snmp.Tests.Support;

/// <summary>Keeps every log entry at every level: the formatted text, the structured values and the exception text.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(EventId Id, LogLevel Level, string Text)> _entries = [];

    public IReadOnlyList<(EventId Id, LogLevel Level, string Text)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            text += " | " + string.Join(" | ", values.Select(v => $"{v.Key}={v.Value}"));
        }

        if (exception is not null)
        {
            text += " | " + exception;
        }

        lock (_entries)
        {
            _entries.Add((eventId, logLevel, text));
        }
    }

    public int Count(int eventId) => Entries.Count(e => e.Id.Id == eventId);
}
