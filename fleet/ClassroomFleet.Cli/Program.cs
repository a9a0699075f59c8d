using ClassroomFleet.Cli;

return await FleetCommands.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
