// One fault scenario at a time: each starts its own broker, fleet and agent process, and the replay-rate measurement
// must not share two cores with another scenario.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
