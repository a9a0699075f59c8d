namespace ClassroomFleet.Contracts.Messages;

/// <summary>The lifecycle of a command: queued → delivered → succeeded | failed | unsupported | expired.</summary>
public static class CommandState
{
    public const string Queued = "queued";
    public const string Delivered = "delivered";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Unsupported = "unsupported";
    public const string Expired = "expired";

    public static bool IsFinal(string state) => state is Succeeded or Failed or Unsupported or Expired;
}
