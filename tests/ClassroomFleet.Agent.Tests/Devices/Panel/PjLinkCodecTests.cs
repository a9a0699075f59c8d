using ClassroomFleet.Agent.Devices.Panel.PjLink;
using FsCheck;
using FsCheck.Fluent;

namespace ClassroomFleet.Agent.Tests.Devices.Panel;

public class PjLinkCodecTests
{
    [Fact]
    public void Digest_Is_Md5_Of_Random_Then_Password_In_Lowercase_Hex()
    {
        // The worked example published with PJLink-style authentication by projector vendors.
        Assert.Equal("e3d97429adffa11bce1f7275813d4bde", PjLinkDigest.Compute("a572f60c", "password"));
    }

    [Fact]
    public void A_Query_Reply_Gives_Class_Command_And_Value()
    {
        var reply = PjLinkReplyParser.Parse("%2SNUM=AB 12-34", 2, "SNUM");
        Assert.Equal(new PjLinkReply(2, "SNUM", "AB 12-34", PjLinkError.None), reply);
    }

    [Theory]
    [InlineData("ERR1", PjLinkError.UndefinedCommand)]
    [InlineData("ERR2", PjLinkError.OutOfParameter)]
    [InlineData("ERR3", PjLinkError.UnavailableTime)]
    [InlineData("ERR4", PjLinkError.DeviceFailure)]
    public void Error_Replies_Are_Typed(string value, PjLinkError expected)
    {
        var reply = PjLinkReplyParser.Parse($"%1LAMP={value}", 1, "LAMP");
        Assert.True(reply.IsError);
        Assert.Equal(expected, reply.Error);
        Assert.Equal("", reply.Value);
    }

    [Theory]
    [InlineData("HELLO")]
    [InlineData("%1POWR 1")]
    [InlineData("%1INPT=31")]
    [InlineData("%2POWR=1")]
    [InlineData("%1POWR=1\u0001")]
    [InlineData("")]
    public void A_Reply_That_Does_Not_Answer_The_Query_Is_A_Protocol_Error(string line)
    {
        Assert.Throws<PjLinkProtocolException>(() => PjLinkReplyParser.Parse(line, 1, "POWR"));
    }

    [Fact]
    public void Error_Status_Has_Six_Positions_In_Specification_Order()
    {
        var status = PjLinkValues.ErrorStatus("012000");
        Assert.Equal(new PjLinkErrorStatus(0, 1, 2, 0, 0, 0), status);
        Assert.True(status.Any);
        Assert.Equal(2, status.Worst);
        Assert.Throws<PjLinkProtocolException>(() => PjLinkValues.ErrorStatus("01200"));
        Assert.Throws<PjLinkProtocolException>(() => PjLinkValues.ErrorStatus("013000"));
    }

    [Fact]
    public void Lamp_Reply_Lists_Hours_And_State_Per_Lamp()
    {
        Assert.Equal([new PjLinkLamp(12345, true), new PjLinkLamp(20, false)], PjLinkValues.Lamps("12345 1 20 0"));
        Assert.Throws<PjLinkProtocolException>(() => PjLinkValues.Lamps("12345"));
        Assert.Throws<PjLinkProtocolException>(() => PjLinkValues.Lamps("12x 1"));
        Assert.Throws<PjLinkProtocolException>(() => PjLinkValues.Lamps("1 2"));
        Assert.Throws<PjLinkProtocolException>(() => PjLinkValues.Lamps(string.Join(' ', Enumerable.Repeat("1 1", 9))));
    }

    [Fact]
    public void Power_States_Map_And_Unknown_Ones_Are_Refused()
    {
        Assert.Equal(PjLinkPower.WarmUp, PjLinkValues.Power("3"));
        Assert.Throws<PjLinkProtocolException>(() => PjLinkValues.Power("4"));
        Assert.Throws<PjLinkProtocolException>(() => PjLinkValues.Hours("FILT", "-1"));
    }

    [Fact]
    public void Any_Line_Either_Parses_Or_Is_A_Protocol_Error()
    {
        var lines =
            from prefix in Gen.Elements("", "%", "%1", "%1POWR", "%1POWR=", "%2POWR=", "PJLINK ")
            from tail in ArbMap.Default.GeneratorFor<string>()
            select prefix + tail;
        var property = Prop.ForAll(Arb.From(lines), line =>
        {
            try
            {
                var reply = PjLinkReplyParser.Parse(line ?? "", 1, "POWR");
                return reply.Command == "POWR" && reply.Class == 1;
            }
            catch (PjLinkProtocolException)
            {
                return true;
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }
}
