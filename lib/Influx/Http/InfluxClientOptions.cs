namespace ClassroomFleet.Influx.Http;

/// <summary>Where and how <see cref="InfluxClient"/> talks to the v1 HTTP API (InfluxDB 1.x, 2.x with DBRP mappings, 3.x).</summary>
public sealed class InfluxClientOptions
{
    public const string SectionName = "Influx";

    /// <summary>The server, e.g. <c>http://127.0.0.1:8086</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The database written to and queried (<c>db=</c>).</summary>
    public string Database { get; set; } = "";

    /// <summary>The retention policy to write to (<c>rp=</c>); null for the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>v1 user name, sent as the <c>u</c> query parameter (with <see cref="Password"/> as <c>p</c>).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>API token for 2.x/3.x, sent as <c>Authorization: Token …</c>. Exclusive with <see cref="Username"/>.</summary>
    public string? Token { get; set; }

    /// <summary>Compress write bodies with gzip (<c>Content-Encoding: gzip</c>).</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>The longest a single request may take; a write that times out is <see cref="WriteOutcome.Retryable"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
