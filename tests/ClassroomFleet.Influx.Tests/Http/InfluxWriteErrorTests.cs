using ClassroomFleet.Influx.Http;

namespace ClassroomFleet.Influx.Tests.Http;

/// <summary>Error texts as influxd 1.6.7 sent them (captured by hand, see lib/Influx/README.md).</summary>
public sealed class InfluxWriteErrorTests
{
    [Fact]
    public void Several_unparsable_lines_are_taken_apart()
    {
        var error = InfluxWriteError.Parse("partial write: unable to parse 'm,t=b v=abc 2000': invalid boolean\nunable to parse 'm v= 4000': missing field value dropped=0");

        Assert.True(error.IsPartialWrite);
        Assert.Equal(0, error.Dropped);
        Assert.Equal(
            [new UnparsableLine("m,t=b v=abc 2000", "invalid boolean"), new UnparsableLine("m v= 4000", "missing field value")],
            error.UnparsableLines);
    }

    [Fact]
    public void Quoted_line_containing_quote_colon_keeps_its_text()
    {
        var error = InfluxWriteError.Parse("unable to parse 'm s=\"a': b\" x': bad timestamp");
        Assert.False(error.IsPartialWrite);
        Assert.Null(error.Dropped);
        Assert.Equal(new UnparsableLine("m s=\"a': b\" x", "bad timestamp"), Assert.Single(error.UnparsableLines));
    }

    [Fact]
    public void Type_conflict_names_no_line_but_counts_dropped()
    {
        var error = InfluxWriteError.Parse("partial write: field type conflict: input field \"v\" on measurement \"m\" is type float, already exists as type integer dropped=1");
        Assert.True(error.IsPartialWrite);
        Assert.Equal(1, error.Dropped);
        Assert.Empty(error.UnparsableLines);
    }

    [Fact]
    public void Other_errors_are_kept_as_text()
    {
        var error = InfluxWriteError.Parse("database not found: \"nope\"");
        Assert.False(error.IsPartialWrite);
        Assert.Null(error.Dropped);
        Assert.Empty(error.UnparsableLines);
        Assert.Equal("database not found: \"nope\"", error.Text);
    }
}
