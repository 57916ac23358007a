using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Storage;

/// <summary>Bound from the <c>Media</c> configuration section.</summary>
public sealed class MediaStoreOptions
{
    public const string Section = "Media";

    /// <summary>Which store to use. Only <c>FileSystem</c> exists today.</summary>
    [Required, RegularExpression("^FileSystem$", ErrorMessage = "Media:Provider must be 'FileSystem'.")]
    public string Provider { get; set; } = "FileSystem";

    /// <summary>The folder of the file-system store. Every silo and the API must see the same folder.</summary>
    [Required(ErrorMessage = "Media:Root must name the folder for rendered media.")]
    public string Root { get; set; } = "";
}
