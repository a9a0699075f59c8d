namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

/// <summary>What the query test needs of a dashboard: its variables in order and every panel target.</summary>
public sealed record GrafanaDashboard(string Uid, IReadOnlyList<GrafanaVariable> Variables, IReadOnlyList<GrafanaQuery> Queries);
