namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// An inventory device. <paramref name="Class"/> is the inventory device class (interactive_flat_panel, teacher_office_pc,
/// student_pc, access_point, …); <paramref name="Room"/> the room it is mapped to; <paramref name="Broken"/> removes it from
/// every count; <paramref name="Id"/> is the telemetry <c>device</c> tag used for the functional (seen) check.
/// </summary>
public sealed record DeviceFacts(string Id, string Class, string? Room = null, bool Broken = false);
