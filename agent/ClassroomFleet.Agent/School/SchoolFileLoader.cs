using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClassroomFleet.Agent.School;

/// <summary>
/// Reads and validates a school file. Every error names the file, the line and the field; an unknown key is an error
/// too, so that a typo never silently drops a setting.
/// </summary>
public static class SchoolFileLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static async Task<SchoolFile> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    public static SchoolFile Parse(string yaml, string path)
    {
        SchoolFile? file;
        try
        {
            file = Deserializer.Deserialize<SchoolFile>(yaml);
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message;
            var message = inner is null ? ex.Message : $"{ex.Message} ({inner})";
            throw new SchoolFileException(path, [new SchoolFileError(ex.Start.Line, FieldAt(yaml, ex.Start.Line), message)]);
        }

        if (file is null)
        {
            throw new SchoolFileException(path, [new SchoolFileError(0, "(document)", "the file is empty")]);
        }

        var errors = SchoolFileValidator.Validate(file);
        if (errors.Count > 0)
        {
            var lines = YamlLineIndex.Build(yaml);
            var located = errors.Select(e => e with { Line = lines.LineOf(e.Field) }).ToList();
            throw new SchoolFileException(path, located);
        }

        return file;
    }

    private static string FieldAt(string yaml, long line)
    {
        var text = yaml.Split('\n').ElementAtOrDefault((int)line - 1)?.Trim() ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? text[..colon].TrimStart('-', ' ') : "(document)";
    }
}
