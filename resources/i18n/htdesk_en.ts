<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BookmarkService</name>
    <message numerus="yes">
        <source>Move %n bookmark(s)</source>
        <translation>
            <numerusform>Move %n bookmark</numerusform>
            <numerusform>Move %n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n folder(s)</source>
        <translation>
            <numerusform>Delete %n folder</numerusform>
            <numerusform>Delete %n folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n bookmark(s)</source>
        <translation>
            <numerusform>Delete %n bookmark</numerusform>
            <numerusform>Delete %n bookmarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarksModel</name>
    <message numerus="yes">
        <source>{name}: %n bookmark(s)</source>
        <translation>
            <numerusform>{name}: %n bookmark</numerusform>
            <numerusform>{name}: %n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Folder, %n bookmark(s)</source>
        <translation>
            <numerusform>Folder, %n bookmark</numerusform>
            <numerusform>Folder, %n bookmarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message numerus="yes">
        <source>Imported %n bookmark(s)</source>
        <translation>
            <numerusform>Imported %n bookmark</numerusform>
            <numerusform>Imported %n bookmarks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new folder(s)</source>
        <translation>
            <numerusform>%n new folder</numerusform>
            <numerusform>%n new folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already present</source>
        <translation>
            <numerusform>%n already present</numerusform>
            <numerusform>%n already present</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <source>This sheet does not fit one page at {size} pt, the smallest legible size: it prints on %n page(s). Untick a dimension or a country to fit one page.</source>
        <translation>
            <numerusform>This sheet does not fit one page at {size} pt, the smallest legible size: it prints on %n page. Untick a dimension or a country to fit one page.</numerusform>
            <numerusform>This sheet does not fit one page at {size} pt, the smallest legible size: it prints on %n pages. Untick a dimension or a country to fit one page.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message numerus="yes">
        <source>{name} (%n page(s))</source>
        <translation>
            <numerusform>{name} (%n page)</numerusform>
            <numerusform>{name} (%n pages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
</TS>
