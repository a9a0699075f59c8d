namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

/// <summary>A dashboard's query variable: its name, the InfluxQL that lists its values, and whether "All" is offered.</summary>
public sealed record GrafanaVariable(string Name, string Query, bool IncludeAll);
