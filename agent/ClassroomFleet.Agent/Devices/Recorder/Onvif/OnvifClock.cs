namespace ClassroomFleet.Agent.Devices.Recorder.Onvif;

/// <summary>GetSystemDateAndTime: the device's UTC clock and its offset from ours (device minus agent, at mid-request).</summary>
public sealed record OnvifClock(DateTimeOffset DeviceUtc, TimeSpan Offset);
