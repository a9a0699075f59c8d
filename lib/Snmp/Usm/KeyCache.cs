using System.Collections.Concurrent;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>
/// Caches master keys per (protocol, password) and localised keys per (user, engine ID): password-to-key hashes a
/// megabyte, far too slow to repeat per request.
/// </summary>
internal sealed class KeyCache
{
    // Trap senders choose their engine IDs; a flood of new ones must not grow the cache without bound.
    private const int MaxLocalizedEntries = 4096;

    private readonly ConcurrentDictionary<(AuthProtocol, string), byte[]> _masterKeys = new();
    private readonly ConcurrentDictionary<(UsmCredentials, string), LocalizedKeys> _localized = new();

    public LocalizedKeys Get(UsmCredentials credentials, ReadOnlySpan<byte> engineId)
    {
        var key = (credentials, Convert.ToHexString(engineId));
        if (_localized.TryGetValue(key, out var keys))
        {
            return keys;
        }

        keys = Derive(credentials, engineId);
        if (_localized.Count >= MaxLocalizedEntries)
        {
            _localized.Clear();
        }

        return _localized.GetOrAdd(key, keys);
    }

    private LocalizedKeys Derive(UsmCredentials credentials, ReadOnlySpan<byte> engineId)
    {
        byte[] authKey = [];
        byte[] privKey = [];
        if (credentials.AuthProtocol != AuthProtocol.None)
        {
            var auth = credentials.AuthProtocol;
            authKey = KeyLocalizer.Localize(auth, Master(auth, credentials.AuthPassword), engineId);
            if (credentials.PrivProtocol != PrivProtocol.None)
            {
                var localized = KeyLocalizer.Localize(auth, Master(auth, credentials.PrivPassword), engineId);
                privKey = KeyLocalizer.FitPrivacyKey(auth, localized, UsmPrivacy.KeyMaterialLength(credentials.PrivProtocol));
            }
        }

        return new LocalizedKeys(credentials, authKey, privKey);
    }

    private byte[] Master(AuthProtocol protocol, string password) =>
        _masterKeys.GetOrAdd((protocol, password), static k => KeyLocalizer.PasswordToKey(k.Item1, k.Item2));
}
