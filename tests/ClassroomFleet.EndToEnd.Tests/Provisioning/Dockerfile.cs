namespace ClassroomFleet.EndToEnd.Tests.Provisioning;

/// <summary>
/// The final stage of a Dockerfile, read as text: its <c>USER</c>, its <c>VOLUME</c>s, and the <c>mkdir</c> and
/// <c>chown</c> commands its <c>RUN</c>s execute before that user takes over.
/// </summary>
internal sealed class Dockerfile
{
    private readonly List<string[]> _commandsBeforeUser = [];

    private Dockerfile()
    {
    }

    public string? User { get; private set; }

    public List<string> Volumes { get; } = [];

    public static Dockerfile Read(string path)
    {
        var instructions = Instructions(File.ReadAllLines(path));
        var finalStage = instructions.FindLastIndex(i => i.Keyword == "FROM");
        var dockerfile = new Dockerfile();
        var runs = new List<string>();
        foreach (var (keyword, arguments) in instructions.Skip(finalStage + 1))
        {
            switch (keyword)
            {
                case "USER":
                    dockerfile.User = arguments.Split(':')[0];
                    dockerfile._commandsBeforeUser.Clear();
                    dockerfile._commandsBeforeUser.AddRange(runs.SelectMany(Commands));
                    break;
                case "RUN":
                    runs.Add(arguments);
                    break;
                case "VOLUME":
                    dockerfile.Volumes.AddRange(arguments.Trim('[', ']').Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim('"')));
                    break;
            }
        }

        return dockerfile;
    }

    /// <summary>True when a <c>mkdir</c> before USER makes <paramref name="folder"/> (itself, or with <c>-p</c> a folder under it).</summary>
    public bool CreatesBeforeUser(string folder) =>
        _commandsBeforeUser.Where(c => c[0] == "mkdir").SelectMany(Operands).Any(p => p == folder || p.StartsWith(folder + "/", StringComparison.Ordinal));

    /// <summary>True when a <c>chown</c> before USER gives <paramref name="folder"/> (or, with -R, a folder above it) to <see cref="User"/>.</summary>
    public bool OwnsBeforeUser(string folder) =>
        _commandsBeforeUser.Where(c => c[0] == "chown").Any(c =>
        {
            var recursive = c.Contains("-R") || c.Contains("--recursive");
            var operands = Operands(c).ToList();
            return operands.Count >= 2 && operands[0].Split(':')[0] == User
                && operands.Skip(1).Any(p => p == folder || (recursive && folder.StartsWith(p + "/", StringComparison.Ordinal)));
        });

    private static IEnumerable<string> Operands(string[] command) => command.Skip(1).Where(a => !a.StartsWith('-'));

    private static IEnumerable<string[]> Commands(string run) =>
        run.Split(["&&", ";", "||"], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length > 0);

    private static List<(string Keyword, string Arguments)> Instructions(string[] lines)
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            var space = current.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                instructions.Add((current[..space].ToUpperInvariant(), current[(space + 1)..].Trim()));
            }

            current = "";
        }

        return instructions;
    }
}
