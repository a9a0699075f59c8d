using System.Runtime.CompilerServices;

// The tests reach into the segment format to damage files the way a crash or bit rot would.
[assembly: InternalsVisibleTo("ClassroomFleet.Agent.Tests")]
[assembly: InternalsVisibleTo("ClassroomFleet.FaultTests")]
