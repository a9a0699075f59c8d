namespace ClassroomFleet.Messaging.Tests;

/// <summary>Files of the repository the tests check against (production broker configuration, ACL).</summary>
public static class RepositoryFiles
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root(), .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ClassroomFleet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
