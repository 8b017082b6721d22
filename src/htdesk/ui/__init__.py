"""The Qt desktop interface: windows, views, Qt models and dialogs; calls store/ and render/."""
