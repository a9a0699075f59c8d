namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// The embedded broker's users, read from a mosquitto password file and read again when the file's modification time
/// or length changes (mosquitto rereads it on SIGHUP). A file that cannot be read keeps the previous users in force.
/// </summary>
internal sealed class ReloadingPasswordFile
{
    private readonly string _path;
    private MosquittoPasswordFile _current;
    private (DateTime Written, long Length) _stamp;

    public ReloadingPasswordFile(string path)
    {
        _path = path;
        _stamp = StampOf(path);
        _current = MosquittoPasswordFile.Load(path);
    }

    public MosquittoPasswordFile Current => Volatile.Read(ref _current);

    /// <summary>
    /// Rereads the file if it changed and returns the users in force before (null when unchanged); throws when the
    /// changed file cannot be read.
    /// </summary>
    public MosquittoPasswordFile? ReloadIfChanged()
    {
        var stamp = StampOf(_path);
        if (stamp == _stamp)
        {
            return null;
        }

        _stamp = stamp; // a broken file is reported once, not at every check, until it changes again
        var previous = Current;
        Volatile.Write(ref _current, MosquittoPasswordFile.Load(_path));
        return previous;
    }

    private static (DateTime, long) StampOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1);
    }
}
