namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// Remote configuration on the fleet (section <c>RemoteConfig</c>):
/// <code>
/// "RemoteConfig": {
///   "SigningKeyFile": "/etc/classroomfleet/fleet-config.key.pem",  // ECDSA P-256 private key (PKCS#8 or SEC1 PEM);
///                                     // empty (default): {Fleet:DataDirectory}/config-signing-key.pem, created 0600 on first start
///   "DocumentLifetime": "7.00:00:00",   // a desired document expires this long after it is issued
///   "ConfirmTimeoutSeconds": 300,       // written into each document: the agent's rollback timer
///   "CommandLifetime": "00:10:00",      // default expiry of a command
///   "RolloutTick": "00:00:05",          // how often running rollouts advance
///   "WaveTimeout": "00:30:00"           // a school that has not reported by then counts as failed
/// }
/// </code>
/// The database is <c>{Fleet:DataDirectory}/config.db</c> (SQLite).
/// </summary>
public sealed class RemoteConfigFleetOptions
{
    public const string SectionName = "RemoteConfig";

    public string SigningKeyFile { get; set; } = "";

    public TimeSpan DocumentLifetime { get; set; } = TimeSpan.FromDays(7);

    public int ConfirmTimeoutSeconds { get; set; } = 300;

    public TimeSpan CommandLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan RolloutTick { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan WaveTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
