namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>A device profile that cannot be used, naming the profile source and the field at fault.</summary>
public sealed class DeviceProfileException : Exception
{
    public DeviceProfileException()
    {
    }

    public DeviceProfileException(string message)
        : base(message)
    {
    }

    public DeviceProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
