-- Issue 22 §2 and §7: the first version of the texts agreed with the controller, as data (a new
-- version is added beside it; records keep the version they were given).
-- Région convention, annex 1 art. 3.3: « Le Sous-traitant, au moment de la collecte des données, doit
-- fournir aux personnes concernées … l'information relative aux Traitements … La formulation et le
-- format de l'information doivent être convenus avec le Responsable de traitement avant la collecte ».
-- France Travail convention art. 11 and annex 1 point 11: « Informer les personnes concernées de la
-- transmission de leurs données à France Travail ».
-- Région convention, annex 1 art. 3.10.1: « Mise en place d'un engagement de confidentialité ».
-- Texts proposed to the Région's DPO (version 1), written from the conventions and the register.
INSERT INTO "NoticeText" ("id", "kind", "version", "title", "body", "validFrom") VALUES
(gen_random_uuid(), 'JOB_SEEKER', 1, 'Information sur le traitement de vos données personnelles',
$$La Région Hauts-de-France (151 avenue du Président Hoover, 59555 Lille Cedex), responsable du traitement, et la plateforme Proch'Emploi qui vous reçoit, sous-traitante de la Région, enregistrent vos données dans le SI Proch'Emploi.

Pourquoi : vous mettre en relation avec des entreprises qui recrutent (positionnements, circuits courts), vous proposer des formations et des accompagnements, et établir des bilans anonymes de l'activité des plateformes. Base légale : mission d'intérêt public de la Région (RGPD, art. 6.1.e).

Quelles données : votre identité, vos coordonnées, votre identifiant France Travail s'il existe, votre mobilité, vos besoins d'accompagnement, votre formation, votre situation professionnelle, vos expériences et compétences, et le suivi de vos échanges avec la plateforme. Rien d'autre n'est demandé.

Qui les voit : l'équipe de votre plateforme, les référents Proch'Emploi de la Région ; les entreprises ne reçoivent que ce qu'il faut pour une candidature que vous avez acceptée. Aucune donnée ne quitte l'Union européenne.

Combien de temps : 18 mois après notre dernier contact avec vous en base active, puis en archive à accès restreint ; vos données sont détruites 24 mois après ce dernier contact.

Vos droits : accès, rectification, effacement, opposition, limitation, portabilité. Adressez-vous à votre plateforme, à contact@prochemploi.fr ou au délégué à la protection des données de la Région (https://www.hautsdefrance.fr/informatique-et-libertes-contact/). Vous pouvez saisir la CNIL (www.cnil.fr).$$,
'2026-01-01T00:00:00Z'),
(gen_random_uuid(), 'COMPANY_CONTACT', 1, 'Information des contacts d''entreprise sur le traitement de leurs données',
$$La Région Hauts-de-France, responsable du traitement, et la plateforme Proch'Emploi, sa sous-traitante, enregistrent vos coordonnées professionnelles (nom, prénom, fonction, adresse, courriel et téléphone professionnels) pour suivre les besoins de recrutement et de formation de votre entreprise. Base légale : mission d'intérêt public de la Région (RGPD, art. 6.1.e).

Elles sont vues par l'équipe de la plateforme et les référents Proch'Emploi de la Région, ne quittent pas l'Union européenne et sont détruites 48 mois après le dernier contact avec votre entreprise.

Vos droits : accès, rectification, effacement, opposition, limitation. Adressez-vous à la plateforme, à contact@prochemploi.fr ou au délégué à la protection des données de la Région (https://www.hautsdefrance.fr/informatique-et-libertes-contact/). Vous pouvez saisir la CNIL (www.cnil.fr).$$,
'2026-01-01T00:00:00Z'),
(gen_random_uuid(), 'CHEF_DE_FILE', 1, 'Information des chefs de file métiers sur le traitement de leurs données',
$$La Région Hauts-de-France, responsable du traitement, et la plateforme Proch'Emploi, sa sous-traitante, enregistrent vos coordonnées professionnelles, votre filière, vos engagements et votre participation aux événements de la plateforme, pour animer le réseau des chefs de file métiers. Base légale : mission d'intérêt public de la Région (RGPD, art. 6.1.e).

Ces données sont vues par l'équipe de la plateforme et les référents Proch'Emploi de la Région, ne quittent pas l'Union européenne et sont détruites 48 mois après le dernier contact avec vous.

Vos droits : accès, rectification, effacement, opposition, limitation. Adressez-vous à la plateforme, à contact@prochemploi.fr ou au délégué à la protection des données de la Région (https://www.hautsdefrance.fr/informatique-et-libertes-contact/). Vous pouvez saisir la CNIL (www.cnil.fr).$$,
'2026-01-01T00:00:00Z'),
(gen_random_uuid(), 'FRANCE_TRAVAIL', 1, 'Transmission de vos données à France Travail',
$$Le projet de mobilité qui vous accompagne est financé par France Travail. Chaque mois, la plateforme transmet à France Travail, responsable de ce traitement, votre nom, votre prénom, votre identifiant de demandeur d'emploi et le résultat de votre diagnostic et de votre accompagnement mobilité (solution préconisée), afin que votre conseiller France Travail adapte votre accompagnement (convention France Travail, art. 7 et 11).

Ces données sont détruites par la plateforme au plus tard deux mois après la fin de la convention du projet.

Vos droits (accès, rectification, limitation, effacement, opposition, portabilité, RGPD art. 15 à 23) s'exercent auprès de la plateforme ou du délégué à la protection des données de France Travail (contact-dpd.00148@francetravail.fr). Vous pouvez saisir la CNIL (www.cnil.fr).$$,
'2026-01-01T00:00:00Z'),
(gen_random_uuid(), 'CONFIDENTIALITY', 1, 'Engagement de confidentialité',
$$En utilisant le SI Proch'Emploi pour le compte de la Région Hauts-de-France, je m'engage à :
- n'utiliser les données personnelles des demandeurs d'emploi et des contacts d'entreprise que pour la mission Proch'Emploi ;
- ne consulter que les dossiers dont j'ai besoin, chaque accès étant journalisé ;
- ne communiquer ces données à personne qui n'y est pas habilité, ni les copier hors du système ;
- garder mon mot de passe secret et signaler sans délai toute perte, tout vol ou tout soupçon de violation de données ;
- respecter cette confidentialité y compris après la fin de mes fonctions.$$,
'2026-01-01T00:00:00Z');

-- Accounts that accepted the commitment before it was versioned accepted this text (the /charte
-- page's), which becomes version 1.
UPDATE "User" SET "charterVersion" = 1 WHERE "charterAcceptedAt" IS NOT NULL AND "charterVersion" IS NULL;
