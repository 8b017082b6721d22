<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BookmarkDialog</name>
    <message>
        <source>Bookmark This Page</source>
        <translation>Ajouter un signet à cette page</translation>
    </message>
    <message>
        <source>Bookmark this page</source>
        <translation>Ajouter un signet à cette page</translation>
    </message>
    <message>
        <source>Page title</source>
        <translation>Titre de la page</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Choose a folder, or type a new name to create one</source>
        <translation>Choisissez un dossier, ou tapez un nouveau nom pour le créer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Optional note, e.g. what to discuss</source>
        <translation>Note facultative, par ex. ce dont il faut discuter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Signet</translation>
    </message>
    <message>
        <source>Save bookmark</source>
        <translation>Enregistrer le signet</translation>
    </message>
    <message>
        <source>Remove Bookmark</source>
        <translation>Retirer le signet</translation>
    </message>
    <message>
        <source>Remove bookmark</source>
        <translation>Retirer le signet</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Page&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
</context>
<context>
    <name>BookmarkService</name>
    <message>
        <source>Bookmark “{title}”</source>
        <translation>Signet «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <source>Rename bookmark</source>
        <translation>Renommer le signet</translation>
    </message>
    <message>
        <source>New folder “{name}”</source>
        <translation>Nouveau dossier «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>Rename folder</source>
        <translation>Renommer le dossier</translation>
    </message>
    <message>
        <source>Edit folder notes</source>
        <translation>Modifier les notes du dossier</translation>
    </message>
    <message numerus="yes">
        <source>Move %n bookmark(s)</source>
        <translation>
            <numerusform>Déplacer %n signet</numerusform>
            <numerusform>Déplacer %n signets</numerusform>
        </translation>
    </message>
    <message>
        <source>Move folder</source>
        <translation>Déplacer le dossier</translation>
    </message>
    <message>
        <source>Delete folder “{name}”</source>
        <translation>Supprimer le dossier «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n folder(s)</source>
        <translation>
            <numerusform>Supprimer %n dossier</numerusform>
            <numerusform>Supprimer %n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n bookmark(s)</source>
        <translation>
            <numerusform>Supprimer %n signet</numerusform>
            <numerusform>Supprimer %n signets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookmarksModel</name>
    <message numerus="yes">
        <source>{name}: %n bookmark(s)</source>
        <translation>
            <numerusform>{name}&#xa0;: %n signet</numerusform>
            <numerusform>{name}&#xa0;: %n signets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Folder, %n bookmark(s)</source>
        <translation>
            <numerusform>Dossier, %n signet</numerusform>
            <numerusform>Dossier, %n signets</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} (missing)</source>
        <translation>{title} (absent)</translation>
    </message>
    <message>
        <source>This page is no longer in the report. You can remove this bookmark.</source>
        <translation>Cette page ne figure plus dans le rapport. Vous pouvez retirer ce signet.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Missing: no longer in the report</source>
        <translation>Absent&#xa0;: ne figure plus dans le rapport</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Signet</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Bookmarks notice</source>
        <translation>Avis sur les signets</translation>
    </message>
    <message>
        <source>Filter bookmarks</source>
        <translation>Filtrer les signets</translation>
    </message>
    <message>
        <source>Bookmark folders</source>
        <translation>Dossiers de signets</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>Modifier la &amp;note…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>New &amp;Folder…</source>
        <translation>Nouveau &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;Export Folder…</source>
        <translation>&amp;Exporter le dossier…</translation>
    </message>
    <message>
        <source>Export &amp;All Bookmarks…</source>
        <translation>Exporter &amp;tous les signets…</translation>
    </message>
    <message>
        <source>&amp;Import Bookmarks…</source>
        <translation>&amp;Importer des signets…</translation>
    </message>
    <message>
        <source>Edit Folder &amp;Notes (Handout Cover)…</source>
        <translation>Modifier les &amp;notes du dossier (couverture du document)…</translation>
    </message>
    <message>
        <source>Bookmarks message</source>
        <translation>Message des signets</translation>
    </message>
    <message>
        <source>The bookmarks file {file} is read-only: bookmarks can be opened but not changed.</source>
        <translation>Le fichier des signets {file} est en lecture seule&#xa0;: les signets peuvent être ouverts, mais pas modifiés.</translation>
    </message>
    <message>
        <source>The bookmarks folder {folder} is read-only: bookmarks can be opened but not changed.</source>
        <translation>Le dossier des signets {folder} est en lecture seule&#xa0;: les signets peuvent être ouverts, mais pas modifiés.</translation>
    </message>
    <message>
        <source>“{title}” is no longer in the report, so it cannot be opened. You can delete this bookmark.</source>
        <translation>«&#xa0;{title}&#xa0;» ne figure plus dans le rapport et ne peut donc pas être ouvert. Vous pouvez supprimer ce signet.</translation>
    </message>
    <message>
        <source>Bookmark Note</source>
        <translation>Note du signet</translation>
    </message>
    <message>
        <source>Note for “{title}”:</source>
        <translation>Note pour «&#xa0;{title}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Folder Notes</source>
        <translation>Notes du dossier</translation>
    </message>
    <message>
        <source>Notes for “{name}” (printed on the handout&apos;s cover):</source>
        <translation>Notes pour «&#xa0;{name}&#xa0;» (imprimées sur la couverture du document)&#xa0;:</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>Nom du dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation>Exporter les signets</translation>
    </message>
    <message>
        <source>Import Bookmarks</source>
        <translation>Importer des signets</translation>
    </message>
    <message>
        <source>Importing bookmarks…</source>
        <translation>Importation des signets…</translation>
    </message>
    <message>
        <source>{bookmarks} and {folders}</source>
        <translation>{bookmarks} et {folders}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n bookmark(s)</source>
        <translation>
            <numerusform>%n signet importé</numerusform>
            <numerusform>%n signets importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new folder(s)</source>
        <translation>
            <numerusform>%n nouveau dossier</numerusform>
            <numerusform>%n nouveaux dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>{imported}, {present}</source>
        <translation>{imported}, {present}</translation>
    </message>
    <message numerus="yes">
        <source>%n already present</source>
        <translation>
            <numerusform>%n déjà présent</numerusform>
            <numerusform>%n déjà présents</numerusform>
        </translation>
    </message>
    <message>
        <source>{message}.</source>
        <translation>{message}.</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Countries to compare</source>
        <translation>Pays à comparer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Mise en page</translation>
    </message>
    <message>
        <source>Sheet: one page, short answers</source>
        <translation>Fiche&#xa0;: une page, réponses courtes</translation>
    </message>
    <message>
        <source>Full: every statement</source>
        <translation>Complète&#xa0;: tous les énoncés</translation>
    </message>
    <message>
        <source>Dimensions to show</source>
        <translation>Dimensions à afficher</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Comparison status</source>
        <translation>État de la comparaison</translation>
    </message>
    <message>
        <source>Country comparison</source>
        <translation>Comparaison des pays</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Export ODT…</source>
        <translation>Exporter en ODT…</translation>
    </message>
    <message>
        <source>OpenDocument text, to adapt in LibreOffice or Word</source>
        <translation>Texte OpenDocument, à adapter dans LibreOffice ou Word</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Countries ({MIN_COUNTRIES}–{MAX_COUNTRIES}; drag to reorder columns)</source>
        <translation>Pays ({MIN_COUNTRIES} à {MAX_COUNTRIES}&#x202f;; faites glisser pour réordonner les colonnes)</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Comparison: {countries}</source>
        <translation>Comparaison : {countries}</translation>
    </message>
    <message>
        <source>A sheet compares at most {MAX_COUNTRIES} countries: untick one first.</source>
        <translation>Une fiche compare au plus {MAX_COUNTRIES} pays&#xa0;: décochez-en un d’abord.</translation>
    </message>
    <message>
        <source>Tick {MIN_COUNTRIES} to {MAX_COUNTRIES} countries to compare them side by side.</source>
        <translation>Cochez de {MIN_COUNTRIES} à {MAX_COUNTRIES} pays pour les comparer côte à côte.</translation>
    </message>
    <message>
        <source>The sheet prints on one page (text {size} pt).</source>
        <translation>La fiche s’imprime sur une page (texte de {size}&#xa0;pt).</translation>
    </message>
    <message numerus="yes">
        <source>This sheet does not fit one page at {size} pt, the smallest legible size: it prints on %n page(s). Untick a dimension or a country to fit one page.</source>
        <translation>
            <numerusform>Cette fiche ne tient pas sur une page à {size}&#xa0;pt, la plus petite taille lisible&#xa0;: elle s’imprime sur %n page. Décochez une dimension ou un pays pour qu’elle tienne sur une page.</numerusform>
            <numerusform>Cette fiche ne tient pas sur une page à {size}&#xa0;pt, la plus petite taille lisible&#xa0;: elle s’imprime sur %n pages. Décochez une dimension ou un pays pour qu’elle tienne sur une page.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print comparison</source>
        <translation>Imprimer la comparaison</translation>
    </message>
    <message>
        <source>Print comparison — does not fit one page at {size} pt</source>
        <translation>Imprimer la comparaison — ne tient pas sur une page à {size}&#xa0;pt</translation>
    </message>
    <message>
        <source>Export comparison as PDF</source>
        <translation>Exporter la comparaison en PDF</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} enregistré.</translation>
    </message>
    <message>
        <source>Export comparison as OpenDocument</source>
        <translation>Exporter la comparaison en OpenDocument</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>Texte OpenDocument (*.odt)</translation>
    </message>
    <message>
        <source>Export comparison as CSV</source>
        <translation>Exporter la comparaison en CSV</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Enregistrement impossible</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in page</source>
        <translation>Rechercher dans la page</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n correspondance</numerusform>
            <numerusform>%n correspondances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Print a handout</source>
        <translation>Imprimer un document à distribuer</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n page(s))</source>
        <translation>
            <numerusform>{name} (%n page)</numerusform>
            <numerusform>{name} (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>Include my notes (the trainer&apos;s copy)</source>
        <translation>Inclure mes notes (l’exemplaire du formateur)</translation>
    </message>
    <message>
        <source>One record per page</source>
        <translation>Une fiche par page</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Aperçu et impression…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Save as ODT…</source>
        <translation>Enregistrer en ODT…</translation>
    </message>
    <message>
        <source>OpenDocument text, to adapt in a word processor</source>
        <translation>Texte OpenDocument, à adapter dans un traitement de texte</translation>
    </message>
    <message>
        <source>No bookmark folders yet: bookmark pages with Ctrl+D and file them in a folder.</source>
        <translation>Aucun dossier de signets pour l’instant&#xa0;: ajoutez des signets avec Ctrl+D et classez-les dans un dossier.</translation>
    </message>
    <message>
        <source>Save handout as PDF</source>
        <translation>Enregistrer le document en PDF</translation>
    </message>
    <message>
        <source>Could not save the handout</source>
        <translation>Impossible d’enregistrer le document</translation>
    </message>
    <message>
        <source>Saved {name} ({pages} pages).</source>
        <translation>{name} enregistré ({pages} pages).</translation>
    </message>
    <message>
        <source>Save handout as OpenDocument text</source>
        <translation>Enregistrer le document en texte OpenDocument</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} enregistré.</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Imprimer le document</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HT Desk</source>
        <translation>HT Desk</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>Filter contents</source>
        <translation>Filtrer le sommaire</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Panneau latéral</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Bookmarks are unavailable.</source>
        <translation>Les signets ne sont pas disponibles.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Undo {text}</source>
        <translation>Annuler «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo {text}</source>
        <translation>Rétablir «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Revenir en arrière</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Aller en avant</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>The start page</source>
        <translation>La page d’accueil</translation>
    </message>
    <message>
        <source>New tab</source>
        <translation>Nouvel onglet</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>Fermer l’onglet</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Onglet suivant</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Onglet précédent</translation>
    </message>
    <message>
        <source>Bookmark this page…</source>
        <translation>Ajouter un signet à cette page…</translation>
    </message>
    <message>
        <source>Bookmark the open page</source>
        <translation>Ajouter un signet à la page ouverte</translation>
    </message>
    <message>
        <source>Compare countries</source>
        <translation>Comparer des pays</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Print the open page</source>
        <translation>Imprimer la page ouverte</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Copier la référence</translation>
    </message>
    <message>
        <source>Find in page…</source>
        <translation>Rechercher dans la page…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Taille réelle</translation>
    </message>
    <message>
        <source>About HT Desk</source>
        <translation>À propos de HT Desk</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Préférences…</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Show or hide the sidebar</source>
        <translation>Afficher ou masquer le panneau latéral</translation>
    </message>
    <message>
        <source>The report&apos;s contents</source>
        <translation>Le sommaire du rapport</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Signets</translation>
    </message>
    <message>
        <source>Show bookmarks</source>
        <translation>Afficher les signets</translation>
    </message>
    <message>
        <source>Your bookmarks</source>
        <translation>Vos signets</translation>
    </message>
    <message>
        <source>Print a folder as a handout…</source>
        <translation>Imprimer un dossier comme document à distribuer…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>☆ Bookmark</source>
        <translation>☆ Signet</translation>
    </message>
    <message>
        <source>This comparison cannot be shown: a country is not in this report.</source>
        <translation>Cette comparaison ne peut pas être affichée : un pays n’est pas dans ce rapport.</translation>
    </message>
    <message>
        <source>Not in the report database: {target}</source>
        <translation>Absent de la base du rapport&#xa0;: {target}</translation>
    </message>
    <message>
        <source>Open pages</source>
        <translation>Pages ouvertes</translation>
    </message>
    <message>
        <source>Glossary of acronyms</source>
        <translation>Glossaire des acronymes</translation>
    </message>
    <message>
        <source>Country comparison</source>
        <translation>Comparaison des pays</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>No title matches. Search the whole report with Ctrl+K.</source>
        <translation>Aucun titre ne correspond. Cherchez dans tout le rapport avec Ctrl+K.</translation>
    </message>
    <message>
        <source>No matching titles</source>
        <translation>Aucun titre correspondant</translation>
    </message>
    <message>
        <source>Citation copied.</source>
        <translation>Référence copiée.</translation>
    </message>
    <message>
        <source>★ Bookmarked</source>
        <translation>★ Signet ajouté</translation>
    </message>
    <message>
        <source>Only report pages and comparisons of 2 to 4 countries can be bookmarked.</source>
        <translation>Seules les pages du rapport et les comparaisons de 2 à 4 pays peuvent recevoir un signet.</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Could not save the PDF</source>
        <translation>Impossible d’enregistrer le PDF</translation>
    </message>
    <message>
        <source>Saved {name} ({pages} pages).</source>
        <translation>{name} enregistré ({pages} pages).</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Handouts</source>
        <translation>Documents à distribuer</translation>
    </message>
    <message>
        <source>Bookmarks are unavailable, so there is no folder to print.</source>
        <translation>Les signets ne sont pas disponibles&#xa0;: il n’y a donc aucun dossier à imprimer.</translation>
    </message>
    <message>
        <source>An offline reference to the ICPC report on human trafficking prevention policies.</source>
        <translation>Une référence hors ligne du rapport du CIPC sur les politiques de prévention de la traite des personnes.</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Rapport&#xa0;:</translation>
    </message>
    <message>
        <source>Data build:</source>
        <translation>Données construites&#xa0;:</translation>
    </message>
    <message>
        <source>{built} (content {hash})</source>
        <translation>{built} (contenu {hash})</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note&#xa0;:</translation>
    </message>
    <message>
        <source>the report dates from 2014. Later developments (new GRETA reports, new national action plans, new laws) are not covered.</source>
        <translation>le rapport date de 2014. Les évolutions ultérieures (nouveaux rapports du GRETA, nouveaux plans d’action nationaux, nouvelles lois) n’y sont pas traitées.</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Licence&#xa0;:</translation>
    </message>
    <message>
        <source>HT Desk is free software under the MIT licence. The report&apos;s text belongs to the International Centre for the Prevention of Crime. The DejaVu fonts are free fonts (Bitstream Vera licence).</source>
        <translation>HT Desk est un logiciel libre sous licence MIT. Le texte du rapport appartient au Centre international pour la prévention de la criminalité. Les polices DejaVu sont des polices libres (licence Bitstream Vera).</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Text size of the sidebar and lists</source>
        <translation>Taille du texte du panneau latéral et des listes</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Page zoom</source>
        <translation>Zoom de la page</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> crans</translation>
    </message>
    <message>
        <source>Sidebar and lists:</source>
        <translation>Panneau latéral et listes :</translation>
    </message>
    <message>
        <source>Page zoom:</source>
        <translation>Zoom de la page :</translation>
    </message>
    <message>
        <source>Ctrl+= and Ctrl+− zoom the page too; Ctrl+0 goes back to its usual size.</source>
        <translation>Ctrl+= et Ctrl+− agrandissent ou réduisent aussi la page ; Ctrl+0 la remet à sa taille habituelle.</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>The open page of the report</source>
        <translation>La page ouverte du rapport</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the report (Ctrl+K)</source>
        <translation>Rechercher dans le rapport (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search the report</source>
        <translation>Rechercher dans le rapport</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>Filtrer par type</translation>
    </message>
    <message>
        <source>Filter by country</source>
        <translation>Filtrer par pays</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>Vouliez-vous dire&#xa0;:</translation>
    </message>
    <message>
        <source>Search for the suggested spelling</source>
        <translation>Rechercher l’orthographe suggérée</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Showing results for {corrected};</source>
        <translation>Résultats pour {corrected} ;</translation>
    </message>
    <message>
        <source>search for {typed} instead</source>
        <translation>rechercher plutôt {typed}</translation>
    </message>
    <message>
        <source>Search for the text as typed</source>
        <translation>Rechercher le texte tel que saisi</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>No result has all your words</source>
        <translation>Aucun résultat ne contient tous vos mots</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>{results} · searched in English: {english}</source>
        <translation>{results} · recherche en anglais&#xa0;: {english}</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Tous les pays</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Results with some of your words ({count})</source>
        <translation>Résultats avec une partie de vos mots ({count})</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Bookmarks unavailable</source>
        <translation>Signets indisponibles</translation>
    </message>
    <message>
        <source>{exc}

HT Desk will run without bookmarks.</source>
        <translation>{exc}

HT Desk fonctionnera sans signets.</translation>
    </message>
    <message>
        <source>Bookmarks recovered</source>
        <translation>Signets récupérés</translation>
    </message>
    <message>
        <source>Your bookmarks file was damaged. It was kept as:
{recovered_from}

A new, empty bookmarks file has been started.</source>
        <translation>Votre fichier de signets était endommagé. Il a été conservé sous&#xa0;:
{recovered_from}

Un nouveau fichier de signets, vide, a été commencé.</translation>
    </message>
    <message>
        <source>HT Desk cannot read the report</source>
        <translation>HT Desk ne peut pas lire le rapport</translation>
    </message>
    <message>
        <source>{error}

What to do: reinstall HT Desk from its installer. Your bookmarks are kept.</source>
        <translation>{error}

Que faire&#xa0;: réinstallez HT Desk à partir de son programme d’installation. Vos signets sont conservés.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>HT Desk could not finish what you asked ({error}).

You can go on working. The details are in {log}.</source>
        <translation>HT Desk n’a pas pu terminer ce que vous avez demandé ({error}).

Vous pouvez continuer à travailler. Les détails se trouvent dans {log}.</translation>
    </message>
    <message>
        <source>HT Desk cannot keep your bookmarks and settings</source>
        <translation>HT Desk ne peut pas conserver vos signets et vos réglages</translation>
    </message>
    <message>
        <source>HT Desk could not create its folder for your bookmarks and settings:
{problem}

You can read the report as usual, but bookmarks are unavailable, and the window layout, zoom and last page will not be kept after you close HT Desk. Check that this folder can be created, or ask whoever looks after this computer.</source>
        <translation>HT Desk n’a pas pu créer son dossier pour vos signets et vos réglages&#xa0;:
{problem}

Vous pouvez lire le rapport comme d’habitude, mais les signets ne sont pas disponibles, et la disposition de la fenêtre, le zoom et la dernière page ne seront pas conservés après la fermeture de HT Desk. Vérifiez que ce dossier peut être créé, ou demandez à la personne qui s’occupe de cet ordinateur.</translation>
    </message>
    <message>
        <source>HT Desk cannot open the report</source>
        <translation>HT Desk ne peut pas ouvrir le rapport</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>utilisation&#xa0;: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>afficher la version du programme et quitter</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s&#xa0;: erreur&#xa0;: %(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>les arguments suivants sont requis&#xa0;: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide&#xa0;: %(value)r (choisir parmi %(choices)s)</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus&#xa0;: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s&#xa0;: %(message)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide&#xa0;: %(value)r</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>HT Desk: the ICPC report on human trafficking prevention policies, offline.</source>
        <translation>HT Desk&#xa0;: le rapport du CIPC sur les politiques de prévention de la traite des personnes, hors ligne.</translation>
    </message>
    <message>
        <source>use this report database instead of the bundled one</source>
        <translation>utiliser cette base du rapport au lieu de celle fournie</translation>
    </message>
    <message>
        <source>forget window layout, zoom and last page</source>
        <translation>oublier la disposition de la fenêtre, le zoom et la dernière page</translation>
    </message>
    <message>
        <source>show the window, wait for its first paint, exit</source>
        <translation>afficher la fenêtre, attendre son premier affichage, quitter</translation>
    </message>
    <message>
        <source>check the installation end to end and exit</source>
        <translation>vérifier l’installation de bout en bout et quitter</translation>
    </message>
    <message>
        <source>language of the interface, pages and messages (default: the system&apos;s)</source>
        <translation>langue de l’interface, des pages et des messages (par défaut&#xa0;: celle du système)</translation>
    </message>
    <message>
        <source>every record as one JSON document</source>
        <translation>toutes les fiches en un seul document JSON</translation>
    </message>
    <message>
        <source>write to this file instead of standard output</source>
        <translation>écrire dans ce fichier au lieu de la sortie standard</translation>
    </message>
    <message>
        <source>ranked full-text search</source>
        <translation>recherche plein texte classée</translation>
    </message>
    <message>
        <source>only records of this kind (glossary, country, institution, ...)</source>
        <translation>seulement les fiches de ce type (glossary, country, institution…)</translation>
    </message>
    <message>
        <source>only records of this country (code or name)</source>
        <translation>seulement les fiches de ce pays (code ou nom)</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>afficher en JSON</translation>
    </message>
    <message>
        <source>rebuild the database from the report and data/content</source>
        <translation>reconstruire la base à partir du rapport et de data/content</translation>
    </message>
    <message>
        <source>where to write (default: the bundled database)</source>
        <translation>où écrire (par défaut&#xa0;: la base fournie)</translation>
    </message>
    <message>
        <source>verify the report database</source>
        <translation>vérifier la base du rapport</translation>
    </message>
    <message>
        <source>compare countries side by side</source>
        <translation>comparer des pays côte à côte</translation>
    </message>
    <message>
        <source>2 to 4 country codes or names</source>
        <translation>2 à 4 codes ou noms de pays</translation>
    </message>
    <message>
        <source>comma-separated dimensions, institutions, practices (default: all of them)</source>
        <translation>dimensions, institutions, pratiques séparées par des virgules (par défaut&#xa0;: toutes)</translation>
    </message>
    <message>
        <source>sheet: one page, a short answer per cell (default); full: every statement</source>
        <translation>sheet&#xa0;: une page, une réponse courte par case (par défaut)&#x202f;; full&#xa0;: tous les énoncés</translation>
    </message>
    <message>
        <source>write the comparison as a PDF</source>
        <translation>écrire la comparaison en PDF</translation>
    </message>
    <message>
        <source>write the comparison as OpenDocument text (LibreOffice, Word)</source>
        <translation>écrire la comparaison en texte OpenDocument (LibreOffice, Word)</translation>
    </message>
    <message>
        <source>write the comparison as CSV</source>
        <translation>écrire la comparaison en CSV</translation>
    </message>
    <message>
        <source>paper size (default: from the locale)</source>
        <translation>format du papier (par défaut&#xa0;: selon les paramètres régionaux)</translation>
    </message>
    <message>
        <source>override the orientation</source>
        <translation>imposer l’orientation</translation>
    </message>
    <message>
        <source>list, export or import your bookmarks</source>
        <translation>lister, exporter ou importer vos signets</translation>
    </message>
    <message>
        <source>print a bookmarks folder as a handout</source>
        <translation>imprimer un dossier de signets comme document à distribuer</translation>
    </message>
    <message>
        <source>measure search and printing speed against baselines</source>
        <translation>mesurer la vitesse de recherche et d’impression par rapport à des références</translation>
    </message>
    <message>
        <source>Searched in English: {english}</source>
        <translation>Recherche en anglais&#xa0;: {english}</translation>
    </message>
    <message>
        <source>No results for {typed}; showing results for {corrected}.</source>
        <translation>Aucun résultat pour «&#xa0;{typed}&#xa0;»&#x202f;; résultats pour «&#xa0;{corrected}&#xa0;».</translation>
    </message>
    <message>
        <source>No results.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message>
        <source>Results with some of your words ({n}):</source>
        <translation>Résultats avec une partie de vos mots ({n})&#xa0;:</translation>
    </message>
    <message>
        <source>Did you mean: {suggestion}?</source>
        <translation>Vouliez-vous dire&#xa0;: {suggestion}&#x202f;?</translation>
    </message>
    <message>
        <source>the {name} argument contains a NUL character; no file name or text can</source>
        <translation>l’argument {name} contient un caractère NUL&#x202f;; aucun nom de fichier ni texte ne le peut</translation>
    </message>
    <message>
        <source>every folder with its bookmarks</source>
        <translation>chaque dossier avec ses signets</translation>
    </message>
    <message>
        <source>write folders to a JSON file the app (or this command) imports</source>
        <translation>écrire des dossiers dans un fichier JSON que l’application (ou cette commande) importe</translation>
    </message>
    <message>
        <source>only this folder (default: all)</source>
        <translation>seulement ce dossier (par défaut&#xa0;: tous)</translation>
    </message>
    <message>
        <source>merge a JSON file exported by HT Desk; a bad file changes nothing</source>
        <translation>fusionner un fichier JSON exporté par HT Desk&#x202f;; un fichier incorrect ne change rien</translation>
    </message>
    <message>
        <source>No bookmarks yet.</source>
        <translation>Aucun signet pour l’instant.</translation>
    </message>
    <message>
        <source>1 bookmark</source>
        <translation>1 signet</translation>
    </message>
    <message>
        <source>{n} bookmarks</source>
        <translation>{n} signets</translation>
    </message>
    <message>
        <source>comparison</source>
        <translation>comparaison</translation>
    </message>
    <message>
        <source>[note]</source>
        <translation>[note]</translation>
    </message>
    <message>
        <source>1 folder</source>
        <translation>1 dossier</translation>
    </message>
    <message>
        <source>{n} folders</source>
        <translation>{n} dossiers</translation>
    </message>
    <message>
        <source>Wrote {path} ({folders})</source>
        <translation>{path} écrit ({folders})</translation>
    </message>
    <message>
        <source>unknown country {countries}; valid: {valid}</source>
        <translation>pays inconnu {countries}&#x202f;; valides&#xa0;: {valid}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} écrit</translation>
    </message>
    <message>
        <source>Wrote {path} (1 page)</source>
        <translation>{path} écrit (1 page)</translation>
    </message>
    <message>
        <source>Wrote {path} ({n} pages)</source>
        <translation>{path} écrit ({n} pages)</translation>
    </message>
    <message>
        <source>; the sheet does not fit one page at {size} pt, the smallest legible size</source>
        <translation>&#x202f;; la fiche ne tient pas sur une page à {size} pt, la plus petite taille lisible</translation>
    </message>
    <message>
        <source>the bookmarks folder&apos;s name</source>
        <translation>le nom du dossier de signets</translation>
    </message>
    <message>
        <source>write the handout as PDF</source>
        <translation>écrire le document en PDF</translation>
    </message>
    <message>
        <source>write the handout as OpenDocument text, to edit</source>
        <translation>écrire le document en texte OpenDocument, à modifier</translation>
    </message>
    <message>
        <source>include your notes (the trainer&apos;s copy)</source>
        <translation>inclure vos notes (l’exemplaire du formateur)</translation>
    </message>
    <message>
        <source>start every record on a new page</source>
        <translation>commencer chaque fiche sur une nouvelle page</translation>
    </message>
    <message>
        <source>handout needs --pdf FILE or --odt FILE (or both)</source>
        <translation>le document à distribuer demande --pdf FICHIER ou --odt FICHIER (ou les deux)</translation>
    </message>
</context>
<context>
    <name>contents</name>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>The report&apos;s text, in its order</source>
        <translation>Le texte du rapport, dans son ordre</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Country profiles, institutions and practices</source>
        <translation>Profils de pays, institutions et pratiques</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Institutional framework</source>
        <translation>Cadre institutionnel</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Pratiques</translation>
    </message>
    <message>
        <source>Prevention practices, by theme</source>
        <translation>Pratiques de prévention, par thème</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossaire</translation>
    </message>
    <message>
        <source>Acronyms, English and French</source>
        <translation>Acronymes, en anglais et en français</translation>
    </message>
    <message>
        <source>Figures &amp; tables</source>
        <translation>Figures et tableaux</translation>
    </message>
    <message>
        <source>Every figure and table of the report</source>
        <translation>Toutes les figures et tous les tableaux du rapport</translation>
    </message>
</context>
<context>
    <name>mainwindow</name>
    <message>
        <source>Open in your web browser?</source>
        <translation>Ouvrir dans votre navigateur&#x202f;?</translation>
    </message>
    <message>
        <source>This link leads outside HT Desk and needs an internet connection:

{url}

Open it in your web browser?</source>
        <translation>Ce lien mène hors de HT Desk et nécessite une connexion Internet&#xa0;:

{url}

L’ouvrir dans votre navigateur&#x202f;?</translation>
    </message>
</context>
<context>
    <name>output</name>
    <message>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <source>no bookmarks folder named {name}; folders: {names}</source>
        <translation>aucun dossier de signets nommé {name}&#x202f;; dossiers&#xa0;: {names}</translation>
    </message>
    <message>
        <source>Comparison: {countries}</source>
        <translation>Comparaison&#xa0;: {countries}</translation>
    </message>
    <message>
        <source>country profiles</source>
        <translation>profils de pays</translation>
    </message>
    <message>
        <source>trainer&apos;s copy, with notes</source>
        <translation>exemplaire du formateur, avec notes</translation>
    </message>
    <message>
        <source>for participants</source>
        <translation>pour les participants</translation>
    </message>
    <message>
        <source>HT Desk — handout</source>
        <translation>HT Desk — document à distribuer</translation>
    </message>
    <message>
        <source>{title} (trainer&apos;s copy)</source>
        <translation>{title} (exemplaire du formateur)</translation>
    </message>
    <message>
        <source>Handout ({copy}): {n} entries from the ICPC report on human trafficking prevention policies</source>
        <translation>Document à distribuer ({copy})&#xa0;: {n} entrées du rapport du CIPC sur les politiques de prévention de la traite des personnes</translation>
    </message>
    <message>
        <source>the folder {name} has no bookmarks yet</source>
        <translation>le dossier {name} ne contient encore aucun signet</translation>
    </message>
    <message>
        <source>Source: {citation}</source>
        <translation>Source&#xa0;: {citation}</translation>
    </message>
    <message>
        <source>Page {n} of {m}</source>
        <translation>Page {n} sur {m}</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un périphérique</translation>
    </message>
    <message>
        <source>a pipe (FIFO)</source>
        <translation>un tube (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>cannot write {path}: the path contains a NUL character</source>
        <translation>impossible d’écrire {path}&#xa0;: le chemin contient un caractère NUL</translation>
    </message>
    <message>
        <source>cannot write: no file name given</source>
        <translation>impossible d’écrire&#xa0;: aucun nom de fichier</translation>
    </message>
    <message>
        <source>cannot write {path}: it is one of HT Desk&apos;s own files; choose another name</source>
        <translation>impossible d’écrire {path}&#xa0;: c’est un des fichiers de HT Desk&#x202f;; choisissez un autre nom</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>impossible d’écrire {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: it is {what}, not a file</source>
        <translation>impossible d’écrire {path}&#xa0;: c’est {what}, pas un fichier</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>impossible d’écrire {path}&#xa0;: le dossier {folder} n’existe pas</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} is not writable</source>
        <translation>impossible d’écrire {path}&#xa0;: le dossier {folder} n’est pas accessible en écriture</translation>
    </message>
    <message>
        <source>cannot write {path}: only part of it could be written (is the disk full?)</source>
        <translation>impossible d’écrire {path}&#xa0;: le fichier n’a pu être écrit qu’en partie (disque plein&#x202f;?)</translation>
    </message>
    <message>
        <source>unknown dimension {name}; valid: {valid}</source>
        <translation>dimension inconnue {name}&#x202f;; valides&#xa0;: {valid}</translation>
    </message>
    <message>
        <source>compare {low} to {high} countries (got {n})</source>
        <translation>comparez de {low} à {high} pays ({n} indiqués)</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Could not print to the file</source>
        <translation>Impossible d’imprimer dans le fichier</translation>
    </message>
</context>
<context>
    <name>render</name>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossaire</translation>
    </message>
    <message>
        <source>Country profile</source>
        <translation>Profil de pays</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Prevention practice</source>
        <translation>Pratique de prévention</translation>
    </message>
    <message>
        <source>In this section</source>
        <translation>Dans cette section</translation>
    </message>
    <message>
        <source>Figures and tables</source>
        <translation>Figures et tableaux</translation>
    </message>
    <message>
        <source>Institutions discussed here</source>
        <translation>Institutions traitées ici</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Pratiques</translation>
    </message>
    <message>
        <source>Institutions in this appendix</source>
        <translation>Institutions de cette annexe</translation>
    </message>
    <message>
        <source>Institutional framework</source>
        <translation>Cadre institutionnel</translation>
    </message>
    <message>
        <source>Prevention practices</source>
        <translation>Pratiques de prévention</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>Fait partie de</translation>
    </message>
    <message>
        <source>Bodies within it</source>
        <translation>Organismes qui en relèvent</translation>
    </message>
    <message>
        <source>Discussed in</source>
        <translation>Traité dans</translation>
    </message>
    <message>
        <source>Bodies with this acronym</source>
        <translation>Organismes portant cet acronyme</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>ICPC report, {cite}</source>
        <translation>Rapport du CIPC, {cite}</translation>
    </message>
    <message>
        <source>HT Desk note:</source>
        <translation>Note de HT Desk&#xa0;:</translation>
    </message>
    <message>
        <source>see also {cite}</source>
        <translation>voir aussi {cite}</translation>
    </message>
    <message>
        <source>In short:</source>
        <translation>En bref&#xa0;:</translation>
    </message>
    <message>
        <source>National rapporteur</source>
        <translation>Rapporteur national</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Composition</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>En un coup d’œil</translation>
    </message>
    <message>
        <source>(not for participants)</source>
        <translation>(pas pour les participants)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>not covered in the report</source>
        <translation>non traité dans le rapport</translation>
    </message>
    <message>
        <source>Origin, transit, destination</source>
        <translation>Origine, transit, destination</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Victimes</translation>
    </message>
    <message>
        <source>National action plan</source>
        <translation>Plan d’action national</translation>
    </message>
    <message>
        <source>Coordination mechanism</source>
        <translation>Mécanisme de coordination</translation>
    </message>
    <message>
        <source>Data collection</source>
        <translation>Collecte de données</translation>
    </message>
    <message>
        <source>NGO involvement</source>
        <translation>Participation des ONG</translation>
    </message>
    <message>
        <source>Position on demand</source>
        <translation>Position sur la demande</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Related strategies</source>
        <translation>Stratégies connexes</translation>
    </message>
    <message>
        <source>No national rapporteur</source>
        <translation>Pas de rapporteur national</translation>
    </message>
    <message>
        <source>First action plan {year}</source>
        <translation>Premier plan d’action {year}</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Transit</source>
        <translation>Transit</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>This appendix is a table of institutions; each row is listed below.</source>
        <translation>Cette annexe est un tableau d’institutions&#x202f;; chaque ligne est présentée ci-dessous.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French acronym</source>
        <translation>Acronyme français</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Also written</source>
        <translation>Aussi écrit</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Trouvé dans</translation>
    </message>
    <message>
        <source>the report&apos;s text (not in its list of acronyms)</source>
        <translation>le texte du rapport (pas dans sa liste des acronymes)</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>Acronyme</translation>
    </message>
    <message>
        <source>National name</source>
        <translation>Nom national</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Compare {country} with other countries…</source>
        <translation>Comparer {country} avec d’autres pays…</translation>
    </message>
    <message>
        <source>Year started</source>
        <translation>Année de lancement</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Public cible</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>Évaluée</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source&#xa0;: {source}</translation>
    </message>
    <message>
        <source>The ICPC report &lt;i&gt;Human Trafficking, Other Forms of Exploitation and Prevention Policies&lt;/i&gt;, offline: its text, figures, country profiles, institutional frameworks, glossary and prevention practices.</source>
        <translation>Le rapport du CIPC &lt;i&gt;Human Trafficking, Other Forms of Exploitation and Prevention Policies&lt;/i&gt;, hors ligne&#xa0;: son texte, ses figures, les profils de pays, les cadres institutionnels, le glossaire et les pratiques de prévention.</translation>
    </message>
    <message>
        <source>The report was written in 2014. Later developments are not covered.</source>
        <translation>Le rapport a été rédigé en 2014. Les évolutions ultérieures n’y sont pas traitées.</translation>
    </message>
    <message>
        <source>No country profiles in this database.</source>
        <translation>Aucun profil de pays dans cette base.</translation>
    </message>
    <message>
        <source>{entries} entries, {french} of them with the French name the report gives</source>
        <translation>{entries} entrées, dont {french} avec le nom français que donne le rapport</translation>
    </message>
    <message>
        <source>{institutions} institutions, {practices} practices, {figures} figures and tables</source>
        <translation>{institutions} institutions, {practices} pratiques, {figures} figures et tableaux</translation>
    </message>
    <message>
        <source>Prevention practices by theme</source>
        <translation>Pratiques de prévention par thème</translation>
    </message>
    <message>
        <source>Also in the report</source>
        <translation>Aussi dans le rapport</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;{summary}&quot;&gt;Executive summary&lt;/a&gt; and &lt;a href=&quot;{introduction}&quot;&gt;Introduction&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;{summary}&quot;&gt;Résumé&lt;/a&gt; et &lt;a href=&quot;{introduction}&quot;&gt;Introduction&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Glossary of acronyms</source>
        <translation>Glossaire des acronymes</translation>
    </message>
    <message>
        <source>The comparison table of the eight countries</source>
        <translation>Le tableau comparatif des huit pays</translation>
    </message>
    <message>
        <source>Press Ctrl+K to search. Bookmark pages with Ctrl+D and print them as a handout.</source>
        <translation>Ctrl+K pour chercher. Ctrl+D pour ajouter une page aux signets, puis l’imprimer comme document à distribuer.</translation>
    </message>
    <message>
        <source>The report exists in English only: its text is quoted as written.</source>
        <translation>Le rapport n’existe qu’en anglais&#xa0;: son texte est cité tel quel, en anglais&#x202f;; tout le reste est en français.</translation>
    </message>
    <message>
        <source>HT Desk — country comparison</source>
        <translation>HT Desk — comparaison des pays</translation>
    </message>
    <message>
        <source>Country comparison</source>
        <translation>Comparaison des pays</translation>
    </message>
    <message>
        <source>(continued)</source>
        <translation>(suite)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sources&lt;/b&gt; in the ICPC report (section or appendix, page):</source>
        <translation>&lt;b&gt;Sources&lt;/b&gt; dans le rapport du CIPC (section ou annexe, page)&#xa0;:</translation>
    </message>
    <message>
        <source>No short answer in this database: {n} statement(s) in the full layout</source>
        <translation>Pas de réponse courte dans cette base&#xa0;: {n} énoncé(s) dans la version complète</translation>
    </message>
    <message>
        <source>1 body</source>
        <translation>1 organisme</translation>
    </message>
    <message>
        <source>{n} bodies</source>
        <translation>{n} organismes</translation>
    </message>
    <message>
        <source>1 practice</source>
        <translation>1 pratique</translation>
    </message>
    <message>
        <source>{n} practices</source>
        <translation>{n} pratiques</translation>
    </message>
    <message>
        <source>Trainer&apos;s note</source>
        <translation>Note du formateur</translation>
    </message>
    <message>
        <source>Trainer&apos;s copy</source>
        <translation>Exemplaire du formateur</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Document à distribuer</translation>
    </message>
    <message>
        <source>Trainer&apos;s notes for this session</source>
        <translation>Notes du formateur pour cette séance</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>ICPC report; each cell cites its section or appendix</source>
        <translation>Rapport du CIPC&#x202f;; chaque case cite sa section ou son annexe</translation>
    </message>
    <message>
        <source>This page is not in this version of the report database ({id}).</source>
        <translation>Cette page ne figure pas dans cette version de la base du rapport ({id}).</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>1 bookmark</source>
        <translation>1 signet</translation>
    </message>
    <message>
        <source>{n} bookmarks</source>
        <translation>{n} signets</translation>
    </message>
    <message>
        <source>1 new folder</source>
        <translation>1 nouveau dossier</translation>
    </message>
    <message>
        <source>{n} new folders</source>
        <translation>{n} nouveaux dossiers</translation>
    </message>
    <message>
        <source>Imported {bookmarks} and {folders}</source>
        <translation>Importé&#xa0;: {bookmarks} et {folders}</translation>
    </message>
    <message>
        <source>, {n} already present</source>
        <translation>, {n} déjà présents</translation>
    </message>
    <message>
        <source>A folder needs a name.</source>
        <translation>Un dossier doit avoir un nom.</translation>
    </message>
    <message>
        <source>A folder name can have at most {MAX_NAME} characters.</source>
        <translation>Un nom de dossier compte au plus {MAX_NAME} caractères.</translation>
    </message>
    <message>
        <source>The {what} is too long (at most {MAX_TEXT} characters).</source>
        <translation>Texte trop long ({what}&#xa0;: au plus {MAX_TEXT} caractères).</translation>
    </message>
    <message>
        <source>Cannot create the bookmarks folder {parent}: {reason}.</source>
        <translation>Impossible de créer le dossier des signets {parent}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>A new bookmarks database could not be created at {path}.</source>
        <translation>Impossible de créer une nouvelle base de signets à {path}.</translation>
    </message>
    <message>
        <source>The bookmarks database {path} was written by a newer HT Desk (schema {version}); install the newer HT Desk to use it.</source>
        <translation>La base de signets {path} a été écrite par une version plus récente de HT Desk (schéma {version})&#x202f;; installez cette version pour l’utiliser.</translation>
    </message>
    <message>
        <source>it is read-only</source>
        <translation>elle est en lecture seule</translation>
    </message>
    <message>
        <source>its folder is read-only</source>
        <translation>son dossier est en lecture seule</translation>
    </message>
    <message>
        <source>The bookmarks database {path} cannot be read ({exc}) and {read_only_words}; check its permissions.</source>
        <translation>La base de signets {path} ne peut pas être lue ({exc}) et {read_only_words}&#x202f;; vérifiez ses droits d’accès.</translation>
    </message>
    <message>
        <source>The bookmarks database {path} cannot be updated: {read_only_words}.</source>
        <translation>La base de signets {path} ne peut pas être mise à jour&#xa0;: {read_only_words}.</translation>
    </message>
    <message>
        <source>The bookmarks database {path} is damaged and could not be moved aside ({reason}); move or delete it, then restart HT Desk.</source>
        <translation>La base de signets {path} est endommagée et n’a pas pu être mise de côté ({reason})&#x202f;; déplacez-la ou supprimez-la, puis redémarrez HT Desk.</translation>
    </message>
    <message>
        <source>The bookmarks file {path} is read-only</source>
        <translation>Le fichier de signets {path} est en lecture seule</translation>
    </message>
    <message>
        <source>The bookmarks folder {path} is read-only</source>
        <translation>Le dossier des signets {path} est en lecture seule</translation>
    </message>
    <message>
        <source>Your bookmarks database was damaged and could not be read. It was kept as {path} and a new, empty one was started.</source>
        <translation>Votre base de signets était endommagée et n’a pas pu être lue. Elle a été conservée sous {path} et une nouvelle base, vide, a été commencée.</translation>
    </message>
    <message>
        <source>{read_only_reason}: the change was not saved.</source>
        <translation>{read_only_reason}&#xa0;: la modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <source>The disk holding {where} is full: the change was not saved. Free some space and try again.</source>
        <translation>Le disque qui contient {where} est plein&#xa0;: la modification n’a pas été enregistrée. Libérez de l’espace et réessayez.</translation>
    </message>
    <message>
        <source>Cannot open or create the bookmarks database in {where}: check that the folder exists and can be written.</source>
        <translation>Impossible d’ouvrir ou de créer la base de signets dans {where}&#xa0;: vérifiez que le dossier existe et qu’il est accessible en écriture.</translation>
    </message>
    <message>
        <source>The bookmarks are being changed by another copy of HT Desk: the change was not saved; try again.</source>
        <translation>Les signets sont en cours de modification par une autre copie de HT Desk&#xa0;: la modification n’a pas été enregistrée&#x202f;; réessayez.</translation>
    </message>
    <message>
        <source>The disk reported an error writing {path} ({exc}): the change was not saved.</source>
        <translation>Le disque a signalé une erreur en écrivant {path} ({exc})&#xa0;: la modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <source>The bookmarks database {path} is damaged; restart HT Desk to recover it.</source>
        <translation>La base de signets {path} est endommagée&#x202f;; redémarrez HT Desk pour la récupérer.</translation>
    </message>
    <message>
        <source>The bookmarks database failed ({exc}): the change was not saved.</source>
        <translation>La base de signets a échoué ({exc})&#xa0;: la modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <source>{read_only_reason}: bookmarks cannot be changed.</source>
        <translation>{read_only_reason}&#xa0;: les signets ne peuvent pas être modifiés.</translation>
    </message>
    <message>
        <source>That folder no longer exists.</source>
        <translation>Ce dossier n’existe plus.</translation>
    </message>
    <message>
        <source>That bookmark no longer exists.</source>
        <translation>Ce signet n’existe plus.</translation>
    </message>
    <message>
        <source>folder&apos;s notes</source>
        <translation>notes du dossier</translation>
    </message>
    <message>
        <source>There is already a folder named “{name}”.</source>
        <translation>Il existe déjà un dossier nommé «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>Nothing to bookmark: no page is open.</source>
        <translation>Rien à mettre en signet&#xa0;: aucune page n’est ouverte.</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>A bookmark needs a title.</source>
        <translation>Un signet doit avoir un titre.</translation>
    </message>
    <message>
        <source>“{title}” is already in the folder “{name}”.</source>
        <translation>«&#xa0;{title}&#xa0;» est déjà dans le dossier «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>{error}. Nothing was exported.</source>
        <translation>{error}. Rien n’a été exporté.</translation>
    </message>
    <message>
        <source>{name} is too large to be an HT Desk bookmarks file. Nothing was imported.</source>
        <translation>{name} est trop volumineux pour être un fichier de signets de HT Desk. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}.</source>
        <translation>Impossible de lire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>{name} is not an HT Desk bookmarks file (it is not JSON). Nothing was imported.</source>
        <translation>{name} n’est pas un fichier de signets de HT Desk (ce n’est pas du JSON). Rien n’a été importé.</translation>
    </message>
    <message>
        <source>The file has {count:,} folders; HT Desk imports at most {MAX_IMPORT_FOLDERS:,} folders at a time. Nothing was imported.</source>
        <translation>Le fichier contient {count} dossiers&#x202f;; HT Desk en importe au plus {MAX_IMPORT_FOLDERS} à la fois. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>The file has {marks:,} bookmarks; HT Desk imports at most {MAX_IMPORT_BOOKMARKS:,} bookmarks at a time. Nothing was imported.</source>
        <translation>Le fichier contient {marks} signets&#x202f;; HT Desk en importe au plus {MAX_IMPORT_BOOKMARKS} à la fois. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>This file is not an HT Desk bookmarks export. Nothing was imported.</source>
        <translation>Ce fichier n’est pas un export de signets de HT Desk. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>This bookmarks file was made by a newer HT Desk (format {version}); update HT Desk to import it. Nothing was imported.</source>
        <translation>Ce fichier de signets a été créé par une version plus récente de HT Desk (format {version})&#x202f;; mettez HT Desk à jour pour l’importer. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>The bookmarks file is damaged ({where}: {reason}). Nothing was imported.</source>
        <translation>Le fichier de signets est endommagé ({where}&#xa0;: {reason}). Rien n’a été importé.</translation>
    </message>
</context>
</TS>
