namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The pin map of one gateway model: pin name → line and role.</summary>
public sealed class CabinetModelOptions
{
    public Dictionary<string, CabinetPinOptions> Pins { get; } = new(StringComparer.Ordinal);
}
