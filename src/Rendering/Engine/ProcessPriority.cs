namespace Orleans.Render.Rendering.Engine;

/// <summary>How an ffmpeg run competes for a silo's slots and cores.</summary>
public enum ProcessPriority
{
    /// <summary>Work nobody waits for yet (stream pieces rendered ahead of a viewer): waits for a slot behind normal runs.</summary>
    Background,

    /// <summary>Renders and uploads.</summary>
    Normal,

    /// <summary>A stream piece a viewer waits for: slots of its own, so it never waits behind other work.</summary>
    Urgent,
}
