using ClassroomFleet.Cli;

return await FleetCommands.Build(Environment.GetEnvironmentVariable).Parse(args).InvokeAsync().ConfigureAwait(false);
