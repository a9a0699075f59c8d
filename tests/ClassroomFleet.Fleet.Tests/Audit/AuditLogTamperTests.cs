using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ClassroomFleet.Fleet.Audit;
using ClassroomFleet.Fleet.RemoteConfig;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Tests.Audit;

/// <summary>
/// Issue 9: "a one-byte edit is detected". One byte of the middle entry of three is changed in the database file
/// (behind SQLite's back: its triggers refuse UPDATE), in each column in turn; verification must answer "not intact,
/// from entry 2", never throw (a broken time used to surface as an HTTP 500).
/// </summary>
public sealed class AuditLogTamperTests : IDisposable
{
    private const long Before = 0x0A1B2C3D4E5F6071;
    private const long After = 0x0A1B2C3D4E5F6072;
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-audit-tamper-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<string> Columns() =>
        ["time (unparsable)", "time (still a time)", "actor", "action", "target", "before_version", "after_version", "result", "detail", "prev_hash", "hash"];

    [Theory]
    [MemberData(nameof(Columns))]
    public async Task A_One_Byte_Edit_In_Any_Column_Is_Reported_As_Not_Intact_At_That_Entry(string column)
    {
        var database = new ConfigDatabase(Path.Combine(_folder, "config.db"));
        await database.MigrateAsync(default);
        using var audit = new AuditLog(database, TimeProvider.System, NullLogger<AuditLog>.Instance);
        await audit.AppendAsync("tech-wang", "config.push", "410323/4103230001", 1, 2, "ok", null, default);
        var middle = await audit.AppendAsync("tech-zhao", "rollout.halt", "410323/4103230002", Before, After, "conflict", "type=repoll-two", default);
        await audit.AppendAsync("admin-li", "command.send", "410323/4103230001", null, null, "ok", "type=repoll", default);
        Assert.True((await audit.VerifyAsync(default)).Intact);
        SqliteConnection.ClearAllPools();

        var (pattern, at, replacement) = Edit(column, middle);
        var bytes = await File.ReadAllBytesAsync(database.Path);
        var found = IndexOf(bytes, pattern);
        Assert.True(found > 0, $"{column}: its bytes are not in the file");
        Assert.Equal(-1, IndexOf(bytes.AsSpan(found + 1).ToArray(), pattern));
        Assert.NotEqual(replacement, bytes[found + at]);
        bytes[found + at] = replacement;
        await File.WriteAllBytesAsync(database.Path, bytes);

        var verdict = await audit.VerifyAsync(default);

        Assert.False(verdict.Intact, $"{column}: edit not detected");
        Assert.Equal(2, verdict.FirstBadSequence);
        Assert.Equal(3, verdict.Entries);
        Assert.False(string.IsNullOrEmpty(verdict.Problem));
    }

    /// <summary>The bytes of <paramref name="column"/> of the middle entry as the file holds them, the offset to change and its new value.</summary>
    private static (byte[] Pattern, int At, byte Replacement) Edit(string column, AuditEntry middle)
    {
        var time = middle.Time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        return column switch
        {
            "time (unparsable)" => (Utf8(time), time.IndexOf('T', StringComparison.Ordinal), (byte)'x'),
            "time (still a time)" => (Utf8(time), 3, (byte)(time[3] == '9' ? '8' : time[3] + 1)),
            "actor" => (Utf8("tech-zhao"), 5, (byte)'x'),
            "action" => (Utf8("rollout.halt"), 0, (byte)'s'),
            "target" => (Utf8("410323/4103230002"), 16, (byte)'3'),
            "before_version" => (BigEndian(Before), 7, (byte)(Before & 0xFF ^ 1)),
            "after_version" => (BigEndian(After), 7, (byte)(After & 0xFF ^ 1)),
            "result" => (Utf8("conflict"), 0, (byte)'d'),
            "detail" => (Utf8("type=repoll-two"), 0, (byte)'u'),

            // prev_hash and hash are stored side by side; the pair is unique to the middle entry (its hash is also the last entry's prev_hash).
            "prev_hash" => (Utf8(middle.PreviousHash + middle.Hash), 0, OtherHexDigit(middle.PreviousHash[0])),
            "hash" => (Utf8(middle.PreviousHash + middle.Hash), 64, OtherHexDigit(middle.Hash[0])),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>SQLite keeps an integer that needs eight bytes as eight big-endian bytes.</summary>
    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte OtherHexDigit(char digit) => (byte)(digit == 'a' ? 'b' : 'a');

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
