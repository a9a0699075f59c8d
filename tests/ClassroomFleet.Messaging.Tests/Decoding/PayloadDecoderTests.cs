using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClassroomFleet.Messaging.Decoding;

namespace ClassroomFleet.Messaging.Tests.Decoding;

public sealed class PayloadDecoderTests
{
    public sealed record Status(string School, bool Online);

    private readonly PayloadRejectCounters _counters = new();
    private readonly TestLogger<PayloadDecoderTests> _logger = new();

    private PayloadDecoder<Status> Decoder() => new(
        "status",
        (JsonTypeInfo<Status>)JsonSerializerOptions.Web.GetTypeInfo(typeof(Status)),
        maximumBytes: 256,
        _counters,
        _logger,
        (status, message) => message.Topic.Contains(status.School, StringComparison.Ordinal) ? null : $"school {status.School} does not match the topic");

    private static IncomingMessage Message(byte[] payload, string school = "3301020001") =>
        new($"cf/v1/330102/{school}/status", payload, false, null, null, null);

    [Fact]
    public void A_Valid_Payload_Is_Decoded_And_Counted_As_Accepted()
    {
        var result = Decoder().Decode(Message("{\"school\":\"3301020001\",\"online\":true}"u8.ToArray()));

        Assert.True(result.Ok);
        Assert.Equal(new Status("3301020001", true), result.Value);
        Assert.Equal(1, _counters.Accepted);
        Assert.Equal(0, _counters.TotalRejected);
    }

    [Fact]
    public void Each_Kind_Of_Bad_Payload_Is_Rejected_With_Its_Reason_And_Counted()
    {
        var decoder = Decoder();
        (byte[] Payload, PayloadRejectReason Reason)[] cases =
        [
            (Encoding.UTF8.GetBytes("{\"school\":\"" + new string('9', 300) + "\"}"), PayloadRejectReason.Oversized),
            ([0x7B, 0xC3, 0x28, 0x7D], PayloadRejectReason.NotUtf8),
            ("not json"u8.ToArray(), PayloadRejectReason.InvalidJson),
            ("{\"school\":3301020001}"u8.ToArray(), PayloadRejectReason.InvalidJson),
            ("null"u8.ToArray(), PayloadRejectReason.InvalidJson),
            ("{\"school\":\"3301020002\",\"online\":true}"u8.ToArray(), PayloadRejectReason.Invalid),
        ];

        foreach (var (payload, reason) in cases)
        {
            var result = decoder.Decode(Message(payload));
            Assert.False(result.Ok);
            Assert.Equal(reason, result.Reason);
        }

        Assert.Equal(1, _counters["status", PayloadRejectReason.Oversized]);
        Assert.Equal(1, _counters["status", PayloadRejectReason.NotUtf8]);
        Assert.Equal(3, _counters["status", PayloadRejectReason.InvalidJson]);
        Assert.Equal(1, _counters["status", PayloadRejectReason.Invalid]);
        Assert.Equal(6, _logger.Entries.Count(e => e.EventId.Id == 1100));
        Assert.Equal(0, _counters.Accepted);
    }
}
