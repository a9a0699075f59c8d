using ClassroomFleet.Fleet.Runtime;

namespace ClassroomFleet.Fleet.Tests.Runtime;

public sealed class MallocArenaLimitTests
{
    [Fact]
    public void Glibc_Takes_The_Arena_Limit_Unless_The_Environment_Sets_It()
    {
        var expected = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null;

        // True means the P/Invoke resolved to glibc's mallopt and it accepted M_ARENA_MAX (it returns 1 on success).
        Assert.Equal(expected, MallocArenaLimit.Apply());
    }
}
