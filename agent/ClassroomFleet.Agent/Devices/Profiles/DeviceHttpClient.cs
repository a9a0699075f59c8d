namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>The one <see cref="HttpClient"/> (<see cref="DeviceHttp"/>) that ONVIF and the HTTP probe share, disposed with the host.</summary>
public sealed class DeviceHttpClient : IDisposable
{
    public HttpClient Client { get; } = DeviceHttp.Create();

    public void Dispose() => Client.Dispose();
}
