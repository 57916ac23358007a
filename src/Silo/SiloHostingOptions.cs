using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Orleans.Render.Silo;

/// <summary>Bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloHostingOptions : IValidatableObject
{
    public const string Section = "Silo";

    /// <summary>Silo-to-silo port; every silo on one machine needs its own.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients (the API) connect to; every silo on one machine needs its own.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The render pools (routing keys) this silo serves.</summary>
    [MinLength(1)]
    public List<string> Pools { get; set; } = [];

    /// <summary>
    /// Whether this silo feeds the Orleans Dashboard (hosted by the API at /dashboard/). It profiles every grain call
    /// and publishes counters every second, which costs CPU that renders could use.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>The address other silos and clients reach this silo on; it is written to the membership table.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How long a stopping silo (SIGTERM, Ctrl-C) may take to deactivate its grains and leave the cluster.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Azure Storage for membership, grain state and reminders; <c>UseDevelopmentStorage=true</c> means the local Azurite.</summary>
    [Required(ErrorMessage = "ConnectionStrings:AzureStorage is required (UseDevelopmentStorage=true for Azurite).")]
    public string StorageConnectionString { get; set; } = "";

    public IPAddress AdvertisedIPAddress => IPAddress.Parse(AdvertisedAddress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"Silo:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.", [nameof(AdvertisedAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult("Silo:SiloPort and Silo:GatewayPort must differ.", [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }
}
