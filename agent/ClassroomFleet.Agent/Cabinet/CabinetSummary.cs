namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The cabinet as a whole at one instant; a null field means the cabinet has no such input.</summary>
internal sealed record CabinetSummary(
    bool OverTemperature,
    bool HighHumidity,
    bool DoorOpenLong,
    bool MainsLost,
    bool OnBattery,
    bool? DoorOpen,
    bool? MainsOk,
    bool? UpsOnBattery,
    bool? GpioOk,
    long SensorFaults,
    long ReadingFailures,
    string? Error);
