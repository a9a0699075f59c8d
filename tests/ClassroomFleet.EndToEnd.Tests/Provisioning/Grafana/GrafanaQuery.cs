namespace ClassroomFleet.EndToEnd.Tests.Provisioning.Grafana;

/// <summary>
/// One InfluxQL query Grafana would run: a panel target of a dashboard or a data query of an alert rule, with where it
/// comes from, the datasource it names and the time range it is run over.
/// </summary>
public sealed record GrafanaQuery(string Source, string DatasourceUid, string Text, TimeSpan Range)
{
    public override string ToString() => Source;
}
