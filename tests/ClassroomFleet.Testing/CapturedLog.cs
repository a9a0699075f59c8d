using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Testing;

/// <summary>
/// A logger provider that keeps every formatted line (with its level, category and event id) at or above
/// <paramref name="minimum"/>, for assertions and for explaining a failed end-to-end wait.
/// </summary>
public sealed class CapturedLog(LogLevel minimum = LogLevel.Trace) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimum, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel minimum, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}");
            }
        }
    }
}
