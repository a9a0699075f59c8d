namespace ClassroomFleet.Agent.School;

/// <summary>A school file that cannot be used, naming the file, the line and the field at fault.</summary>
public sealed class SchoolFileException : Exception
{
    public SchoolFileException(string path, IReadOnlyList<SchoolFileError> errors)
        : base($"{path}: {string.Join("; ", errors)}")
    {
        Path = path;
        Errors = errors;
    }

    public SchoolFileException()
    {
        Path = "";
        Errors = [];
    }

    public SchoolFileException(string message)
        : base(message)
    {
        Path = "";
        Errors = [];
    }

    public SchoolFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
        Errors = [];
    }

    public string Path { get; }

    public IReadOnlyList<SchoolFileError> Errors { get; }
}
