namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The relay histories found at start, by device; a null history is a file that could not be read or parsed.
/// <see cref="Complete"/> is false when the folder itself could not be listed, so that any device may have lost its history.
/// </summary>
internal sealed record RelayHistories(IReadOnlyDictionary<string, RelayHistory?> ByDevice, bool Complete);
