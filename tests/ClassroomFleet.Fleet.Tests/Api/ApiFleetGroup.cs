namespace ClassroomFleet.Fleet.Tests.Api;

/// <summary>The API and web tests share one running fleet (<see cref="ApiFleetFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ApiFleetGroup : ICollectionFixture<ApiFleetFixture>
{
    public const string Name = "fleet-api";
}
