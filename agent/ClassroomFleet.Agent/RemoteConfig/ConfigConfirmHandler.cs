using System.Globalization;
using ClassroomFleet.Agent.Commands;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// The fleet's <c>config_confirm</c> command: it saw <c>args.version</c> in force, so the rollback timer stops; a
/// confirmation after the deadline fails (the version has been rolled back, and the report says why).
/// </summary>
public sealed class ConfigConfirmHandler(RemoteConfigService service) : ICommandHandler
{
    public string Type => CommandTypes.ConfigConfirm;

    public async Task<CommandOutcome> HandleAsync(CommandMessage command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Args is null || !command.Args.TryGetValue("version", out var text)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return CommandOutcome.Failed("args.version (an integer) is required");
        }

        var report = await service.ConfirmAsync(version, cancellationToken).ConfigureAwait(false);
        return report switch
        {
            null => CommandOutcome.Failed($"version {version} is not awaiting confirmation"),
            { Status: ConfigStatus.Confirmed } => CommandOutcome.Succeeded(),
            _ => CommandOutcome.Failed(report.Reason ?? $"version {version} was not confirmed ({report.Status})"),
        };
    }
}
