using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace EduCloud.Kernel.Privacy;

/// <summary>
/// Encrypts personal data (citizen IDs, phone numbers, addresses) at rest and derives a keyed hash (HMAC-SHA256) for
/// exact-match look-up and de-duplication without decrypting.
/// <para>
/// New values are sealed with AES-256-GCM under a data key ("pd1." + base64url(nonce | ciphertext | tag)); the data key
/// is itself kept wrapped by ASP.NET Data Protection (or given in PersonalData:EncryptionKey), so it is exactly as safe
/// as the Data Protection key ring. Data Protection alone derives a fresh subkey on every call (~10-20 µs), which made
/// encryption the floor of a million-row import; AES-GCM with per-thread state costs about 1 µs. Values written before
/// (Data Protection tokens) are still read.
/// </para>
/// The hash key comes from configuration (PersonalData:HashKey) or a key file in the data directory.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Prefix = "pd1.";
    private const int NonceSize = 12, TagSize = 16;
    private readonly IDataProtector _protector;
    private readonly byte[] _hashKey;
    private readonly byte[] _dataKey;
    private readonly ThreadLocal<State> _state;

    public PersonalDataProtector(IDataProtectionProvider provider, IConfiguration configuration)
    {
        _protector = provider.CreateProtector("EduCloud.PersonalData.v1");
        _hashKey = LoadHashKey(configuration);
        _dataKey = LoadDataKey(configuration, _protector);
        _state = new ThreadLocal<State>(() => new State(_dataKey, _hashKey));
    }

    public string Protect(string plain)
    {
        var state = _state.Value!;
        var length = Encoding.UTF8.GetByteCount(plain);
        var total = NonceSize + length + TagSize;
        var rented = total > 512 ? ArrayPool<byte>.Shared.Rent(total) : null;
        var sealedBytes = rented is null ? stackalloc byte[total] : rented.AsSpan(0, total);
        var nonce = sealedBytes[..NonceSize];
        var cipher = sealedBytes.Slice(NonceSize, length);
        var tag = sealedBytes[(NonceSize + length)..];
        state.NextNonce(nonce);
        Encoding.UTF8.GetBytes(plain, cipher);
        // In place: the plain bytes are overwritten by their ciphertext.
        state.Aes.Encrypt(nonce, cipher, cipher, tag);
        var text = string.Concat(Prefix, Base64Url.EncodeToString(sealedBytes));
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
        return text;
    }

    public string Unprotect(string cipher)
    {
        if (!cipher.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return _protector.Unprotect(cipher);
        }
        var sealedBytes = Base64Url.DecodeFromChars(cipher.AsSpan(Prefix.Length));
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The personal data value is damaged.");
        }
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        _state.Value!.Aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain);
        var text = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return text;
    }

    public string Hash(string plain)
    {
        var trimmed = plain.AsSpan().Trim();
        Span<char> upper = trimmed.Length <= 128 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        trimmed.ToUpperInvariant(upper);
        Span<byte> bytes = stackalloc byte[256];
        var buffer = Encoding.UTF8.GetMaxByteCount(upper.Length) <= bytes.Length ? bytes : new byte[Encoding.UTF8.GetMaxByteCount(upper.Length)];
        var n = Encoding.UTF8.GetBytes(upper, buffer);
        var hmac = _state.Value!.Hmac;
        hmac.AppendData(buffer[..n]);
        Span<byte> digest = stackalloc byte[32];
        hmac.GetHashAndReset(digest);
        return Convert.ToHexString(digest);
    }

    /// <summary>One thread's cipher and keyed-hash state, made once and reused: keying them is the costly part.</summary>
    private sealed class State(byte[] dataKey, byte[] hashKey)
    {
        private readonly byte[] _random = new byte[NonceSize * 256];
        private int _used = NonceSize * 256;

        public AesGcm Aes { get; } = new(dataKey, TagSize);
        public IncrementalHash Hmac { get; } = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, hashKey);

        /// <summary>
        /// A fresh random nonce, taken from a block the system generator fills 256 nonces at a time (one call per row
        /// was a system call per value in a bulk import). Each nonce is used once and wiped from the block.
        /// </summary>
        public void NextNonce(Span<byte> nonce)
        {
            if (_used == _random.Length)
            {
                RandomNumberGenerator.Fill(_random);
                _used = 0;
            }
            var next = _random.AsSpan(_used, NonceSize);
            next.CopyTo(nonce);
            next.Clear();
            _used += NonceSize;
        }
    }

    private static byte[] LoadDataKey(IConfiguration configuration, IDataProtector protector)
    {
        var configured = configuration["PersonalData:EncryptionKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }
        var dataDirectory = configuration["DataDirectory"] ?? "data";
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "personal-data-encryption.key");
        if (!File.Exists(path))
        {
            // Written aside and moved into place without overwriting: a second process starting at the same moment
            // keeps the first one's key.
            var key = RandomNumberGenerator.GetBytes(32);
            var temp = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temp, protector.Protect(Convert.ToBase64String(key)));
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }
        return Convert.FromBase64String(protector.Unprotect(File.ReadAllText(path).Trim()));
    }

    private static byte[] LoadHashKey(IConfiguration configuration)
    {
        var configured = configuration["PersonalData:HashKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }
        var dataDirectory = configuration["DataDirectory"] ?? "data";
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "personal-data-hash.key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
