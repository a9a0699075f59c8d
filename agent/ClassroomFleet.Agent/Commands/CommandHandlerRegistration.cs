using Microsoft.Extensions.DependencyInjection;

namespace ClassroomFleet.Agent.Commands;

/// <summary>The device command handlers (re-poll, bandwidth probe, PJLink power, relay power-cycle).</summary>
internal static class CommandHandlerRegistration
{
    public static IServiceCollection AddCommandHandlers(this IServiceCollection services) => services;
}
