using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Silo;

/// <summary>Bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloHostingOptions
{
    public const string Section = "Silo";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The render pools (routing keys) this silo serves.</summary>
    [MinLength(1)]
    public List<string> Pools { get; set; } = [];

    /// <summary>Azure Storage for grain state and reminders; <c>UseDevelopmentStorage=true</c> means the local Azurite.</summary>
    [Required(ErrorMessage = "ConnectionStrings:AzureStorage is required (UseDevelopmentStorage=true for Azurite).")]
    public string StorageConnectionString { get; set; } = "";
}
