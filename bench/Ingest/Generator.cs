namespace ClassroomFleet.Bench.Ingest;

/// <summary>Which publisher plays the agents.</summary>
internal enum Generator
{
    /// <summary><see cref="LeanMqttPublisher"/>: cheap per message, so that the share measures the pipeline.</summary>
    Lean,

    /// <summary><see cref="TransportPublisher"/>: the agents' own MQTT stack, at its own CPU cost.</summary>
    Transport,
}
