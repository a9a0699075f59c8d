using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Audit;

[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(List<AuditEntry>))]
[JsonSerializable(typeof(AuditVerification))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
