using System.Net;
using ClassroomFleet.Messaging.Authorization;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>Reports every problem of <see cref="EmbeddedBrokerOptions"/> with its key.</summary>
public sealed class EmbeddedBrokerOptionsValidator(string section = EmbeddedBrokerOptions.SectionName) : IValidateOptions<EmbeddedBrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedBrokerOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <param name="evenIfDisabled">Check a broker constructed directly, which runs whatever <c>Enabled</c> says.</param>
    public List<string> Errors(EmbeddedBrokerOptions options, bool evenIfDisabled = false)
    {
        var errors = new List<string>();
        if (!options.Enabled && !evenIfDisabled)
        {
            return errors;
        }

        void Fail(string key, string problem) => errors.Add($"{section}:{key} {problem}");
        var plain = ParseAddress(options.BindAddress, "BindAddress", Fail);
        if (options.Port is < 0 or > 65535)
        {
            Fail("Port", "must be 0..65535");
        }

        var tls = options.Tls.Enabled ? ValidateTls(options, Fail) : null;

        if (string.IsNullOrEmpty(options.PasswordFile) && !options.AllowAnonymous)
        {
            Fail("PasswordFile", "is required unless AllowAnonymous is true");
        }
        else if (!string.IsNullOrEmpty(options.PasswordFile) && !File.Exists(options.PasswordFile))
        {
            Fail("PasswordFile", $"does not exist: {options.PasswordFile}");
        }

        if (options.AllowAnonymous)
        {
            // Anonymous clients get the fleet's rights: never from the network.
            if (plain is not null && !IPAddress.IsLoopback(plain))
            {
                Fail("AllowAnonymous", $"is allowed only with a loopback BindAddress (was \"{options.BindAddress}\")");
            }

            if (tls is not null && !IPAddress.IsLoopback(tls))
            {
                Fail("AllowAnonymous", $"is allowed only with a loopback Tls:BindAddress (was \"{options.Tls.BindAddress}\")");
            }
        }

        if (options.PasswordFileReloadInterval < TimeSpan.Zero)
        {
            Fail("PasswordFileReloadInterval", "must not be negative (zero turns reloading off)");
        }

        foreach (var (user, role) in options.Roles)
        {
            if (role is not (BrokerRole.Fleet or BrokerRole.Admin))
            {
                Fail($"Roles:{user}", "must be Fleet or Admin");
            }
        }

        if (options.MessageSizeLimit is < 0 or > 268_435_455)
        {
            Fail("MessageSizeLimit", "must be 0 (no limit) .. 268435455 bytes");
        }

        if (options.MaxPendingMessagesPerClient < 1)
        {
            Fail("MaxPendingMessagesPerClient", "must be at least 1");
        }

        return errors;
    }

    private static IPAddress? ValidateTls(EmbeddedBrokerOptions options, Action<string, string> fail)
    {
        var tls = options.Tls;
        var address = ParseAddress(tls.BindAddress, "Tls:BindAddress", fail);
        if (tls.Port is < 0 or > 65535)
        {
            fail("Tls:Port", "must be 0..65535");
        }
        else if (tls.Port != 0 && tls.Port == options.Port)
        {
            fail("Tls:Port", $"must differ from Port ({options.Port})");
        }

        foreach (var (key, file) in new[] { ("Tls:CertificateFile", tls.CertificateFile), ("Tls:KeyFile", tls.KeyFile) })
        {
            if (string.IsNullOrEmpty(file))
            {
                fail(key, "is required when Tls:Enabled is true");
            }
            else if (!File.Exists(file))
            {
                fail(key, $"does not exist: {file}");
            }
        }

        return address;
    }

    private static IPAddress? ParseAddress(string value, string key, Action<string, string> fail)
    {
        if (IPAddress.TryParse(value, out var address))
        {
            return address;
        }

        fail(key, $"must be an IP address (was \"{value}\")");
        return null;
    }
}
