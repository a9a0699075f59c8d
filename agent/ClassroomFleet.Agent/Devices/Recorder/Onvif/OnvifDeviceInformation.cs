namespace ClassroomFleet.Agent.Devices.Recorder.Onvif;

/// <summary>GetDeviceInformation: what the device says it is.</summary>
public sealed record OnvifDeviceInformation(string Manufacturer, string Model, string FirmwareVersion, string SerialNumber, string HardwareId);
