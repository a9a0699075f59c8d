namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

/// <summary>
/// A dashboard's query variable: its name, the InfluxQL that lists its values, whether "All" is offered, and the custom
/// value Grafana substitutes (unescaped) for "All", if one is set.
/// </summary>
public sealed record GrafanaVariable(string Name, string Query, bool IncludeAll, string? AllValue);
