namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>A user name (empty for PJLink, which has none) and password. <see cref="ToString"/> never shows the password.</summary>
public sealed record PasswordCredential(string User, string Password)
{
    public override string ToString() => $"credential of user '{User}'";
}
