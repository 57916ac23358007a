using Orleans.Placement;
using Orleans.Runtime;

namespace Orleans.Render.Grains.Placement;

/// <summary>Places a grain only on silos that serve the render pool named at the start of its key.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.RenderPoolPlacement")]
public sealed class RenderPoolPlacement : PlacementStrategy;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RenderPoolPlacementAttribute() : PlacementAttribute(new RenderPoolPlacement());
