namespace ClassroomFleet.Agent.Status;

/// <summary>
/// The version of the configuration in force, as the status message, its goodbye and <c>/metrics</c> report it. The
/// remote-configuration service provides the applied version; without it the agent reports <c>Agent:ConfigVersion</c>
/// (<see cref="OptionsConfigVersionSource"/>). Null: no versioned configuration was ever applied.
/// </summary>
public interface IConfigVersionSource
{
    long? Current { get; }
}
