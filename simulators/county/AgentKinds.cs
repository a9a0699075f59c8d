namespace ClassroomFleet.Simulators.County;

/// <summary>The agent's device kind for a county-facts device class, so replayed history reads like a live agent's.</summary>
public static class AgentKinds
{
    public static string Of(string deviceClass) => deviceClass switch
    {
        "interactive_flat_panel" or "interactive_whiteboard" or "multimedia_set" or "tv" => "panel",
        "projector" => "projector",
        "recorder" or "camera" => "recorder",
        "student_pc" or "teacher_office_pc" or "teacher_laptop" or "thin_client" or "e_reading_pc" or "student_tablet" => "pc",
        "access_point" => "access_point",
        _ => deviceClass,
    };
}
