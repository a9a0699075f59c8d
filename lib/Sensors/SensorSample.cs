namespace ClassroomFleet.Sensors;

/// <summary>One reading of one sensor, in plain units; a quantity the sensor does not measure is null.</summary>
public sealed record SensorSample(string Sensor, SensorSource Source, double? TemperatureC, double? HumidityPct, double? PressureKpa);
