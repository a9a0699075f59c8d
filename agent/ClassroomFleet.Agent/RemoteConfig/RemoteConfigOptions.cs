namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// Remote configuration on the agent (section <c>RemoteConfig</c>):
/// <code>
/// "RemoteConfig": {
///   "Enabled": true,
///   "FleetPublicKeyFile": "/etc/classroomfleet/fleet-config.pub.pem",  // the pinned fleet signing key (SPKI PEM)
///   "ConfirmTimeout": "00:05:00",   // an applied document the fleet has not confirmed by then is undone
///   "MaxClockSkew": "00:02:00"      // tolerance on the document's expiry
/// }
/// </code>
/// State lives in <c>{Agent:StateDirectory}/remote-config/</c>.
/// </summary>
public sealed class RemoteConfigOptions
{
    public const string SectionName = "RemoteConfig";

    public bool Enabled { get; set; } = true;

    public string FleetPublicKeyFile { get; set; } = "/etc/classroomfleet/fleet-config.pub.pem";

    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(2);
}
