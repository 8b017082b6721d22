; HT Desk: per-user Windows installer (Inno Setup 6.3 or later).
;
; Built by `python build/make.py windows`, which passes:
;   /DAppVersion=0.1.0  /DSourceDir=<dist\htdesk>  /DIconFile=<resources\icons\htdesk.ico>  /O<dist>
;
; Per-user: PrivilegesRequired=lowest never asks for administrator rights and installs in "non
; administrative install mode", where {autopf} is {userpf} (%LOCALAPPDATA%\Programs) and {autoprograms}
; the user's own Start menu (jrsoftware.org/ishelp: PrivilegesRequired, Constants: "auto" constants).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\htdesk"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\htdesk.ico"
#endif

#define AppName "HT Desk"
#define AppExe "htdesk.exe"

[Setup]
; A fixed AppId ties upgrades and the uninstaller to this app; never change it. ("{{" escapes "{".)
AppId={{7D3B2F6E-5C1A-4E8B-9A47-2F0C6D1E8B35}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=HT Desk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Our PyInstaller bundle is 64-bit: refuse 32-bit Windows, install in 64-bit mode (x64 and Arm64 Windows 11).
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputBaseFilename=htdesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running HT Desk before replacing its files on upgrade.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole onedir bundle: htdesk.exe and _internal\ (Python, Qt, data\ht.sqlite, resources\).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle whole: files a newer PyInstaller no longer ships must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller (unins000.exe, listed in Settings > Apps) removes exactly what was installed. The
; trainer's bookmarks and settings live in their profile, not in {app}, and are kept on purpose.
